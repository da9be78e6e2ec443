/// One named value a processor extracted from a page.
public struct Field: Sendable, Hashable {
    public var name: String
    public var value: JSONValue

    public init(name: String, value: JSONValue) {
        self.name = name
        self.value = value
    }
}

/// One output record: the page's final URL and the fields extracted from it, in order.
public struct Item: Sendable, Hashable {
    /// The name reserved for the page's URL; no field may use it.
    public static let urlFieldName = "url"
    /// The name of the field holding an `each` item's 0-based position among the page's
    /// matches; no field may use it when items come from `each`.
    public static let indexFieldName = "index"

    public var url: String
    public var fields: [Field]

    public init(url: String, fields: [Field]) {
        self.url = url
        self.fields = fields
    }

    /// The item as one line of JSON (no trailing newline): `{"url":…, field…}`.
    public var jsonLine: String {
        var out = "{\"url\":"
        JSONValue.writeString(url, to: &out)
        for field in fields {
            out += ","
            JSONValue.writeString(field.name, to: &out)
            out += ":"
            field.value.write(to: &out)
        }
        out += "}"
        return out
    }
}
