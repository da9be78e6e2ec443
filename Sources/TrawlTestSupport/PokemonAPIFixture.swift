import TrawlCore

/// A small pokeapi-style JSON API on one loopback server, for JSON-processor and crawl tests.
///
/// Routes (all `application/json`; anything else is 404):
/// - `/api/v2/pokemon?offset=O&limit=L`: `{"count":12,"next":…,"previous":…,"results":[{"name","url"}]}`
///   (`next`/`previous` are absolute URLs or null; without a query, offset 0 and limit 20).
/// - `/api/v2/pokemon/N` (N = 1...12, with or without a trailing slash): id, name, height,
///   weight, types (`[{"slot","type":{"name","url"}}]`) and species (`{"name","url"}`).
/// - `/api/v2/pokemon-species/N`: id, name, habitat `{"name"}` and color `{"name"}`.
/// - `/api/v2/type/N/`: `{"id","name"}` for the types the Pokémon use.
///
/// Every URL inside a document is absolute, on this server.
public final class PokemonAPIFixture: Sendable {
    /// The Pokémon served, in id order.
    public static let pokemon = PokemonRecord.all

    public let server: TestHTTPServer

    /// Starts the API on `host` (an ephemeral port).
    public init(host: String = "127.0.0.1") throws {
        let base = LockedBox("")
        server = try TestHTTPServer(host: host) { request in
            PokemonAPIFixture.respond(to: request, base: base.value)
        }
        base.value = server.baseURL
    }

    deinit { server.stop() }

    /// Stops the server.
    public func stop() { server.stop() }

    /// `http://HOST:PORT`.
    public var baseURL: String { server.baseURL }

    /// The first index page: `/api/v2/pokemon?offset=0&limit=5`.
    public var indexURL: String { indexURL(offset: 0, limit: 5) }

    /// The index page starting at `offset`.
    public func indexURL(offset: Int, limit: Int) -> String {
        Self.indexURL(base: baseURL, offset: offset, limit: limit)
    }

    /// `/api/v2/pokemon/ID` on this server.
    public func pokemonURL(_ id: Int) -> String { Self.pokemonURL(base: baseURL, id: id) }

    /// `/api/v2/pokemon-species/ID` on this server.
    public func speciesURL(_ id: Int) -> String { Self.speciesURL(base: baseURL, id: id) }

    // MARK: Documents

    static func indexURL(base: String, offset: Int, limit: Int) -> String {
        "\(base)/api/v2/pokemon?offset=\(offset)&limit=\(limit)"
    }

    static func pokemonURL(base: String, id: Int) -> String { "\(base)/api/v2/pokemon/\(id)" }

    static func speciesURL(base: String, id: Int) -> String { "\(base)/api/v2/pokemon-species/\(id)" }

    static func respond(to request: TestRequest, base: String) -> TestResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "api", parts[1] == "v2" else { return .notFound }
        if parts.count == 3 && parts[2] == "pokemon" {
            let items = Dictionary(request.queryItems.map { ($0.name, $0.value) }) { first, _ in first }
            let offset = items["offset"].flatMap { Int($0) } ?? 0
            let limit = items["limit"].flatMap { Int($0) } ?? 20
            guard offset >= 0, limit > 0 else { return .json("{\"detail\":\"bad paging\"}", status: 400) }
            return .json(index(base: base, offset: offset, limit: limit))
        }
        guard parts.count == 4, let id = Int(parts[3]) else { return .notFound }
        switch parts[2] {
        case "pokemon":
            return pokemon.first { $0.id == id }.map { .json(document(for: $0, base: base)) } ?? .notFound
        case "pokemon-species":
            return pokemon.first { $0.id == id }.map { .json(species(for: $0)) } ?? .notFound
        case "type":
            guard let name = PokemonRecord.typeIDs.first(where: { $0.value == id })?.key else { return .notFound }
            return .json("{\"id\":\(id),\"name\":\(quoted(name))}")
        default:
            return .notFound
        }
    }

    static func index(base: String, offset: Int, limit: Int) -> String {
        let page = pokemon.dropFirst(offset).prefix(limit)
        let next = offset + limit < pokemon.count ? quoted(indexURL(base: base, offset: offset + limit, limit: limit)) : "null"
        let previous = offset > 0 ? quoted(indexURL(base: base, offset: max(0, offset - limit), limit: limit)) : "null"
        let results = page.map { "{\"name\":\(quoted($0.name)),\"url\":\(quoted(pokemonURL(base: base, id: $0.id)))}" }
        return "{\"count\":\(pokemon.count),\"next\":\(next),\"previous\":\(previous),\"results\":[\(results.joined(separator: ","))]}"
    }

    static func document(for record: PokemonRecord, base: String) -> String {
        let types = record.types.enumerated().map { slot, name in
            let url = "\(base)/api/v2/type/\(PokemonRecord.typeIDs[name] ?? 0)/"
            return "{\"slot\":\(slot + 1),\"type\":{\"name\":\(quoted(name)),\"url\":\(quoted(url))}}"
        }
        return "{\"id\":\(record.id),\"name\":\(quoted(record.name)),\"height\":\(record.height),"
            + "\"weight\":\(record.weight),\"types\":[\(types.joined(separator: ","))],"
            + "\"species\":{\"name\":\(quoted(record.name)),\"url\":\(quoted(speciesURL(base: base, id: record.id)))}}"
    }

    static func species(for record: PokemonRecord) -> String {
        "{\"id\":\(record.id),\"name\":\(quoted(record.name)),\"habitat\":{\"name\":\(quoted(record.habitat))},"
            + "\"color\":{\"name\":\(quoted(record.color))}}"
    }

    private static func quoted(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, to: &out)
        return out
    }
}
