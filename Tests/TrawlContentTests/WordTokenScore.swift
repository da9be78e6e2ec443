/// Precision, recall and F1 of extracted text against expected text over word tokens: each
/// text is lowercased and split into runs of letters and digits, and the bags of tokens are
/// compared (a token counts as matched as many times as it occurs in both).
struct WordTokenScore {
    var precision: Double
    var recall: Double
    var f1: Double

    init(extracted: String, expected: String) {
        let got = Self.tokens(extracted)
        let want = Self.tokens(expected)
        var counts: [Substring: Int] = [:]
        for token in want { counts[token, default: 0] += 1 }
        var matched = 0
        for token in got where counts[token, default: 0] > 0 {
            counts[token, default: 0] -= 1
            matched += 1
        }
        precision = got.isEmpty ? (want.isEmpty ? 1 : 0) : Double(matched) / Double(got.count)
        recall = want.isEmpty ? 1 : Double(matched) / Double(want.count)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    static func tokens(_ text: String) -> [Substring] {
        let lowered = text.lowercased()
        return lowered.split { !($0.isLetter || $0.isNumber) }
    }
}
