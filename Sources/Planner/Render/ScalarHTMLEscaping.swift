import Mustache

/// HTML escaping for every template, by Unicode scalar.
///
/// swift-mustache's built-in HTML escaping looks characters up as whole
/// grapheme clusters, so a `"` followed by a combining mark (`"\u{301}`, one
/// Character) is not escaped and ends an attribute value: `title="{{name}}"`
/// with such a name opens new attributes such as `onmouseover=`. Escaping
/// scalar by scalar has no such gap. `Theme` prefixes each template with
/// `pragma`, which selects this content type.
struct ScalarHTMLEscaping: MustacheContentType {
    static let name = "PLAN_BUILD_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registration happens once, under Swift's thread-safe static initialisation.
    static let registered: Bool = {
        MustacheContentTypes.register(ScalarHTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
