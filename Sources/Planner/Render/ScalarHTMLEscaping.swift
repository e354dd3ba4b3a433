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

    /// Works on UTF-8 bytes: the five characters are ASCII, and an ASCII byte
    /// is never part of a longer sequence, so this is escaping by scalar.
    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + utf8.count / 8 + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: escaped += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: escaped += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x26: escaped += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x22: escaped += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: escaped += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
