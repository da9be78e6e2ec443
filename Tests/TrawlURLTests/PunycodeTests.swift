import Testing
@testable import TrawlURL

@Suite struct PunycodeTests {
    private func encode(_ label: String) -> String? {
        Punycode.encode(Array(label.unicodeScalars))
    }

    @Test("labels encode to the RFC 3492 outputs")
    func rfcSamples() {
        #expect(encode("bücher") == "bcher-kva")
        #expect(encode("你好你好") == "6qqa088eba")
        #expect(encode("faß") == "fa-hia")
        #expect(encode("münchen") == "mnchen-3ya")
        // RFC 3492 §7.1 (B) Chinese (simplified).
        #expect(encode("他们为什么不说中文") == "ihqwcrb4cv8a8dqg056pqjye")
        // RFC 3492 §7.1 (L) mixed ASCII and Japanese.
        #expect(encode("3年B組金八先生") == "3B-ww4c5e180e575a65lsy2b")
    }

    @Test("an all-ASCII label encodes to itself plus a delimiter")
    func asciiOnly() {
        #expect(encode("abc") == "abc-")
    }
}
