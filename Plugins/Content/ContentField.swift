/// A field the content processor can add to a page's item, by its output name.
public enum ContentField: String, Sendable, Hashable, CaseIterable {
    case markdown
    case text
    case title
    case description
    case language
    case canonical
    case author
    case published
    case wordCount = "word_count"
}
