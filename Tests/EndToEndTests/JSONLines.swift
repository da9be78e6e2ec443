import Foundation

/// Parses JSON lines into dictionaries for assertions (Foundation is fine in tests).
func jsonLines(_ text: String) -> [[String: Any]] {
    text.split(separator: "\n").compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
}
