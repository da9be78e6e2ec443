/// One Pokémon as the ``PokemonAPIFixture`` serves it: the values tests assert on.
public struct PokemonRecord: Sendable, Hashable {
    public var id: Int
    public var name: String
    /// In decimetres, as pokeapi reports it.
    public var height: Int
    /// In hectograms, as pokeapi reports it.
    public var weight: Int
    /// Type names in slot order.
    public var types: [String]
    public var habitat: String
    public var color: String

    public init(
        id: Int, name: String, height: Int, weight: Int, types: [String], habitat: String,
        color: String
    ) {
        self.id = id
        self.name = name
        self.height = height
        self.weight = weight
        self.types = types
        self.habitat = habitat
        self.color = color
    }

    /// The first twelve Pokémon, with their real pokeapi values.
    public static let all: [PokemonRecord] = [
        PokemonRecord(id: 1, name: "bulbasaur", height: 7, weight: 69, types: ["grass", "poison"], habitat: "grassland", color: "green"),
        PokemonRecord(id: 2, name: "ivysaur", height: 10, weight: 130, types: ["grass", "poison"], habitat: "grassland", color: "green"),
        PokemonRecord(id: 3, name: "venusaur", height: 20, weight: 1000, types: ["grass", "poison"], habitat: "grassland", color: "green"),
        PokemonRecord(id: 4, name: "charmander", height: 6, weight: 85, types: ["fire"], habitat: "mountain", color: "red"),
        PokemonRecord(id: 5, name: "charmeleon", height: 11, weight: 190, types: ["fire"], habitat: "mountain", color: "red"),
        PokemonRecord(id: 6, name: "charizard", height: 17, weight: 905, types: ["fire", "flying"], habitat: "mountain", color: "red"),
        PokemonRecord(id: 7, name: "squirtle", height: 5, weight: 90, types: ["water"], habitat: "waters-edge", color: "blue"),
        PokemonRecord(id: 8, name: "wartortle", height: 10, weight: 225, types: ["water"], habitat: "waters-edge", color: "blue"),
        PokemonRecord(id: 9, name: "blastoise", height: 16, weight: 855, types: ["water"], habitat: "waters-edge", color: "blue"),
        PokemonRecord(id: 10, name: "caterpie", height: 3, weight: 29, types: ["bug"], habitat: "forest", color: "green"),
        PokemonRecord(id: 11, name: "metapod", height: 7, weight: 99, types: ["bug"], habitat: "forest", color: "green"),
        PokemonRecord(id: 12, name: "butterfree", height: 11, weight: 320, types: ["bug", "flying"], habitat: "forest", color: "white"),
    ]

    /// pokeapi's ids for the types used above, for `/api/v2/type/N/` URLs.
    public static let typeIDs: [String: Int] = [
        "flying": 3, "poison": 4, "bug": 7, "fire": 10, "water": 11, "grass": 12,
    ]
}
