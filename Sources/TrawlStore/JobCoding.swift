import TrawlCore
import TrawlJSONPath

/// The JSON text of the job columns: a job's settings and a URL's carried fields.
///
/// Written with `JSONValue`'s writer and read back with `JSONParser`, which keep object members
/// in order and numbers as their literal text, so carried fields come back exactly as handed on.
/// Stateless; call from any thread.
enum JobCoding {
    /// `{"seeds":[…],"values":{…}}`, values sorted by name so equal settings give equal text.
    static func encode(_ settings: JobSettings) -> String {
        let values = settings.values.sorted { $0.key < $1.key }
            .map { JSONMember(key: $0.key, value: .string($0.value)) }
        return JSONValue.object([
            JSONMember(key: "seeds", value: .array(settings.seeds.map { .string($0) })),
            JSONMember(key: "values", value: .object(values)),
        ]).jsonText
    }

    /// The settings in `text`, or nil when it is not what ``encode(_:)`` writes.
    static func decodeSettings(_ text: String) -> JobSettings? {
        guard let json = try? JSONParser.parse(text),
            case .array(let seedValues)? = json["seeds"], case .object(let members)? = json["values"]
        else { return nil }
        var seeds: [String] = []
        for value in seedValues {
            guard case .string(let seed) = value else { return nil }
            seeds.append(seed)
        }
        var values: [String: String] = [:]
        for member in members {
            guard case .string(let value) = member.value else { return nil }
            values[member.key] = value
        }
        return JobSettings(seeds: seeds, values: values)
    }

    /// The fields as one JSON object in order, or nil for none (stored as NULL).
    static func encode(_ carried: [Field]) -> String? {
        guard !carried.isEmpty else { return nil }
        return JSONValue.object(carried.map { JSONMember(key: $0.name, value: $0.value) }).jsonText
    }

    /// The fields in `text`, in order; none when `text` is nil or not a JSON object (a damaged
    /// row loses its carried fields rather than its URL).
    static func decodeCarried(_ text: String?) -> [Field] {
        guard let text, case .object(let members)? = try? JSONParser.parse(text) else { return [] }
        return members.map { Field(name: $0.key, value: $0.value) }
    }
}
