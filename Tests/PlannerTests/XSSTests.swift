import Foundation
import Testing
@testable import Planner

/// HTML safety (issue #6): a plan with an XSS payload in every string that
/// reaches a page — plan title, theme, segment, group and action labels, slot,
/// theme and segment ids, persona fields and file names, item titles, tags,
/// owners, gifts, image file names and Markdown bodies — is built with the real
/// binary, and every page is checked tag by tag: no script but the theme's,
/// no event-handler or style attribute, no `javascript:`/`data:` link, no
/// attribute broken out of its quotes, and the CSP meta on every page.
@Suite(.serialized) struct XSSTests {
    /// Payloads that would rename the page if they ran.
    static func payload(_ field: String) -> String {
        [
            "X-\(field)-X",
            "<script>document.title='PWNED'</script>",
            "\"><img src=x onerror=\"document.title='PWNED'\">",
            "'><svg onload=\"document.title='PWNED'\">",
            // A quote followed by a combining mark is one Character: escaping by
            // Character would miss it and let the attribute end here.
            "\"\u{301} onmouseover=\"document.title='PWNED'\" x=\"",
            "'\u{301} onfocus='document.title=1' autofocus x='",
            "</title><script>alert(1)</script>",
            "javascript:alert(1)",
            "{{site.root}}{{{html}}}",
            "<!-- --> ]]> </style>",
        ].joined(separator: " ")
    }

    static let markdownPayloads = """
        <script>document.title='PWNED'</script>

        <img src=x onerror="document.title='PWNED'">

        <svg><script>alert(1)</script></svg> <svg onload=alert(1)>

        <iframe src="javascript:alert(1)"></iframe>

        <a href="javascript:alert(1)">raw link</a> <b onclick="alert(1)">bold</b>

        [md link](javascript:alert(1)) [mixed case](JaVaScRiPt:alert(1)) [entity](&#106;avascript:alert(1))
        [tab](java&#9;script:alert(1)) [spaces](<javascript:alert(1)>) [vb](vbscript:msgbox(1)) [file](file:///etc/passwd)

        [data html](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        ![svg image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
        ![img](x" onerror="alert(1))

        <javascript:alert(1)> <data:text/html,alert(1)>

        [title attr](https://example.com "\\" onmouseover=\\"alert(1)") [ref link][r] and a footnote[^1]

        [r]: javascript:alert(1)
        [^1]: <script>alert(1)</script> [x](javascript:alert(1))

        | <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |
        |---|---|
        | <svg/onload=alert(1)> | `<script>` |

        - [ ] <b onclick=alert(1)>task</b>
        - [x] done

        <details open ontoggle=alert(1)>
        <math><mtext><table><mglyph><style><img src=x onerror=alert(1)>
        <style>body{background:url(javascript:alert(1))}</style>
        <!-- <script>alert(1)</script> -->
        <base href="javascript:alert(1)//">
        <meta http-equiv="refresh" content="0;url=javascript:alert(1)">
        <form action="javascript:alert(1)"><input type=submit formaction=javascript:alert(1)></form>
        <object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">
        """

    /// YAML double-quoted scalar.
    /// (Scalar by scalar: a quote followed by a combining mark is one Character.)
    static func q(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static let hostileTheme = "<img src=x onerror=alert(1)>"
    static let hostileSegment = "\"><svg onload=alert(1)>"
    static let hostileSlot = "<script>alert(1)</script>"
    static let hostilePersona = "<img src=x onerror=alert(2)> '\u{301}\"\u{301}"
    static let hostileImage = "assets/x\" onerror=\"alert(1)'.png"

    static func makePlan(themeColor: String = "#16a34a", repoURL: String = "https://example.com/x\"><script>alert(1)</script>") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-xss-\(UUID().uuidString)")
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent("content/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let p = payload
        try write(
            "plan.yml",
            """
            title: \(q(p("plan-title")))
            locale: en
            timezone: Asia/Shanghai
            start: 2026-12-01
            end: 2026-12-07
            repo_url: \(q(repoURL))
            base_url: \(q("/\"><script>alert(1)</script>/"))
            slots:
              morning: "07:30"
              evening: "20:30"
              \(q(hostileSlot)): "12:10"
            themes:
              life: {label: \(q(p("theme-label"))), color: \(q(themeColor))}
              \(q(hostileTheme)): {label: \(q(p("theme2-label"))), color: "#2563eb"}
            segments:
              payroll: {label: \(q(p("segment-label"))), stage: weak}
              \(q(hostileSegment)): {label: \(q(p("segment2-label")))}
            groups:
              runners: {label: \(q(p("group-label"))), owner: xiaozhao, segments: [payroll]}
            actions:
              custom: {zh: \(q(p("action-zh"))), en: \(q(p("action-en")))}
            banned: [\(q(p("banned")))]
            rules:
              posts-per-day: off
              theme-mix: off
            """)
        try write(
            "personas/xiaozhao.md",
            """
            ---
            name: \(q(p("persona-name")))
            identity: \(q(p("identity")))
            signature: \(q(p("signature")))
            personality: \(q(p("personality")))
            catchphrases: [\(q(p("catchphrase")))]
            banned: [\(q(p("persona-banned")))]
            disclaimer: \(q(p("disclaimer")))
            ---
            \(markdownPayloads)
            """)
        try write(
            "personas/\(hostilePersona).md",
            """
            ---
            name: \(q(p("persona2-name")))
            ---
            \(p("story2"))
            """)
        try write(hostileImage, "not really a picture")
        try write(
            "moments/<svg onload=alert(1)>.md",
            """
            ---
            date: 2026-12-01
            slot: morning
            persona: xiaozhao
            theme: life
            action: custom
            owner: \(q(p("owner")))
            tags: [\(q(p("tag1"))), \(q(p("tag2")))]
            images: [\(q(hostileImage))]
            ---
            \(p("first-line"))

            \(markdownPayloads)
            """)
        try write(
            "moments/titled.md",
            """
            ---
            date: 2026-12-02
            slot: \(q(hostileSlot))
            persona: xiaozhao
            theme: \(q(hostileTheme))
            title: \(q(p("moment-title")))
            segments: [\(q(hostileSegment))]
            ---
            \(markdownPayloads)
            """)
        try write(
            "moments/other-persona.md",
            """
            ---
            date: 2026-12-03
            slot: evening
            persona: \(q(hostilePersona))
            theme: life
            ---
            \(p("other"))
            """)
        try write(
            "topics/runners/t.md",
            """
            ---
            date: 2026-12-02
            slot: evening
            persona: xiaozhao
            theme: life
            group: runners
            format: discussion
            title: \(q(p("topic-title")))
            owner: \(q(p("topic-owner")))
            ---
            \(markdownPayloads)
            """)
        try write(
            "surprises/s.md",
            """
            ---
            date: 2026-12-04
            time: "10:00"
            persona: xiaozhao
            title: \(q(p("surprise-title")))
            segments: [payroll]
            trigger: custom
            via: group
            gift: \(q(p("gift")))
            ---
            \(markdownPayloads)
            """)
        return root
    }

    // MARK: - A strict look at the tags

    struct Tag {
        let name: String
        let attributes: [(name: String, value: String)]
    }

    /// Splits HTML into start tags, skipping comments, doctype and the
    /// contents of raw-text elements, the way a browser's tokenizer would.
    static func tags(_ html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        func find(_ needle: String, from: Int) -> Int {
            let n = Array(needle.unicodeScalars)
            var k = from
            while k + n.count <= s.count {
                if zip(s[k..<k + n.count], n).allSatisfy({ String($0).lowercased() == String($1).lowercased() }) { return k }
                k += 1
            }
            return s.count
        }
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if i + 3 < s.count, String(String.UnicodeScalarView(s[i..<i + 4])) == "<!--" {
                i = find("-->", from: i + 4) + 3
                continue
            }
            if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                i = find(">", from: i) + 1
                continue
            }
            var j = i + 1
            if j < s.count, s[j] == "/" {
                i = find(">", from: j) + 1
                continue
            }
            guard j < s.count, isLetter(s[j]) else { i += 1; continue }
            var name = ""
            while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" { name.unicodeScalars.append(s[j]); j += 1 }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                if isSpace(s[j]) || s[j] == "/" { j += 1; continue }
                var attribute = ""
                repeat { attribute.unicodeScalars.append(s[j]); j += 1 } while j < s.count && !isSpace(s[j]) && s[j] != "/" && s[j] != ">" && s[j] != "="
                var value = ""
                while j < s.count, isSpace(s[j]) { j += 1 }
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !isSpace(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                    }
                }
                attributes.append((attribute.lowercased(), value))
            }
            let lowered = name.lowercased()
            tags.append(Tag(name: lowered, attributes: attributes))
            i = j + 1
            if ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"].contains(lowered) {
                i = find("</" + lowered, from: i)
            }
        }
        return tags
    }

    static func decodeEntities(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&colon;", with: ":").replacingOccurrences(of: "&Tab;", with: "\t")
            .replacingOccurrences(of: "&NewLine;", with: "\n")
        while let range = out.range(of: "&#[xX]?[0-9a-fA-F]+;?", options: .regularExpression) {
            var digits = out[range].dropFirst(2).filter { $0 != ";" }
            var radix = 10
            if digits.first == "x" || digits.first == "X" { digits.removeFirst(); radix = 16 }
            let scalar = UInt32(String(digits), radix: radix).flatMap(Unicode.Scalar.init) ?? "?"
            out.replaceSubrange(range, with: String(scalar))
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Problems of one page; empty when it is safe.
    static func problems(in html: String, page: String) -> [String] {
        var problems: [String] = []
        let forbidden: Set<String> = [
            // (The theme's own <form> of filters and <textarea> of copy are allowed;
            // their URLs and attributes are checked like any other.)
            "iframe", "object", "embed", "frame", "frameset", "applet", "base", "math", "style",
            "foreignobject", "use", "animate", "set", "animatetransform", "animatemotion", "handler", "listener", "image",
            "portal", "template", "noscript", "xmp", "plaintext",
        ]
        let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "cite", "background", "data", "xlink:href", "srcset"]
        var sawCSP = false
        for tag in tags(html) {
            if forbidden.contains(tag.name) { problems.append("<\(tag.name)> tag") }
            if tag.name.unicodeScalars.contains(where: { !(($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9")) }) {
                problems.append("odd tag name <\(tag.name)>")
            }
            switch tag.name {
            case "script":
                let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
                if !(src.hasSuffix("static/app.js") && !src.contains(":") && tag.attributes.count <= 2) {
                    problems.append("a script that is not the theme's: \(tag.attributes)")
                }
            case "meta":
                let names = Set(tag.attributes.map(\.name))
                if names.contains("http-equiv") {
                    let equiv = tag.attributes.first { $0.name == "http-equiv" }!.value
                    let content = tag.attributes.first { $0.name == "content" }?.value ?? ""
                    if equiv == "Content-Security-Policy", content.contains("script-src 'self'"), !content.contains("unsafe-inline"),
                        content.contains("object-src 'none'"), content.contains("base-uri 'none'")
                    {
                        sawCSP = true
                    } else {
                        problems.append("meta http-equiv \(equiv) \(content)")
                    }
                } else if !(names == ["charset"] || names == ["name", "content"]) {
                    problems.append("odd meta \(tag.attributes)")
                }
            case "link":
                let rel = tag.attributes.first { $0.name == "rel" }?.value ?? ""
                let href = tag.attributes.first { $0.name == "href" }?.value ?? ""
                let themeFile = href.contains("static/") && !href.contains(":")
                if !((rel == "stylesheet" && href.hasSuffix(".css") && themeFile) || (rel == "icon" && href.hasSuffix("favicon.svg") && themeFile))
                    && rel != "alternate"
                {
                    problems.append("odd link \(tag.attributes)")
                }
            case "input":
                let type = tag.attributes.first { $0.name == "type" }?.value ?? ""
                if type != "checkbox" { problems.append("an input of type \(type)") }
            default:
                break
            }
            for attribute in tag.attributes {
                let name = attribute.name
                if name.unicodeScalars.contains(where: { !(($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == ":" || $0 == "_") }) {
                    problems.append("an attribute broke out of its quotes: \(name.debugDescription) on <\(tag.name)>")
                }
                if name.hasPrefix("on") { problems.append("event handler \(name) on <\(tag.name)>") }
                if name == "style" || name == "srcdoc" || name == "formaction" || name == "autofocus" {
                    problems.append("attribute \(name) on <\(tag.name)>")
                }
                if urlAttributes.contains(name) {
                    let value = decodeEntities(attribute.value).unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }
                        .map(String.init).joined().lowercased()
                    let isImageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { value.hasPrefix($0) }
                    for scheme in ["javascript:", "vbscript:", "data:", "file:"] where value.hasPrefix(scheme) && !isImageData {
                        problems.append("\(scheme) URL in \(name) on <\(tag.name)>: \(attribute.value)")
                    }
                }
            }
        }
        if !sawCSP { problems.append("no Content-Security-Policy meta forbidding inline script") }
        return problems.map { "\(page): \($0)" }
    }

    static func htmlPages(_ folder: URL) -> [String: String] {
        snapshot(folder).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Tests

    @Test func theCheckerCatchesWhatItShould() {
        let head = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'\">"
        #expect(Self.problems(in: head + "<p>ok &lt;script&gt; onload=x javascript:</p>", page: "p").isEmpty)
        #expect(!Self.problems(in: head + "<img src=x onerror=alert(1)>", page: "p").isEmpty)
        #expect(!Self.problems(in: head + "<script>alert(1)</script>", page: "p").isEmpty)
        #expect(!Self.problems(in: head + "<a href=\"&#106;avascript:alert(1)\">x</a>", page: "p").isEmpty)
        #expect(!Self.problems(in: head + "<span title=\"\"\u{301} onmouseover=\"x\">x</span>", page: "p").isEmpty)
        #expect(!Self.problems(in: "<p>no csp</p>", page: "p").isEmpty)
        #expect(!Self.problems(in: head + "<title>a</title><script>alert(1)</script>", page: "p").isEmpty)
    }

    @Test func mustacheEscapingCoversQuotesWithCombiningMarks() {
        let escaped = HTMLEscaping.escape("\"\u{301}'\u{301}<\u{301}>&")
        #expect(!escaped.unicodeScalars.contains { "\"'<>".unicodeScalars.contains($0) })
        #expect(escaped == "&quot;\u{301}&#39;\u{301}&lt;\u{301}&gt;&amp;")
    }

    /// The escaper looks sixteen bytes at a time; a text of any length with a
    /// special at any place (first, last, past a block, in a short tail) is
    /// escaped as a byte-by-byte escaper would.
    @Test func escapingFindsEverySpecialAtEveryPlace() {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        for length in 0...40 {
            let plain = String(repeating: "文a", count: length).utf8.prefix(length)
            let base = String(decoding: plain, as: UTF8.self)
            #expect(HTMLEscaping.escape(base) == reference(base))
            for special in ["<", ">", "&", "\"", "'"] {
                for position in 0...base.unicodeScalars.count {
                    var scalars = Array(base.unicodeScalars)
                    scalars.insert(special.unicodeScalars.first!, at: position)
                    var text = ""
                    text.unicodeScalars.append(contentsOf: scalars)
                    #expect(HTMLEscaping.escape(text) == reference(text), "\(length) \(special) at \(position)")
                }
            }
        }
    }

    @Test func payloadsInEveryFieldNeverBreakOutOfThePage() throws {
        let root = try Self.makePlan()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["build", "--today", "2026-11-23", "--lang", "en"], in: root)
        #expect(run.status == 0, "\(run.stdout.prefix(3_000))\(run.stderr.prefix(2_000))")
        let output = root.appendingPathComponent("output")
        let pages = Self.htmlPages(output)
        #expect(pages.count > 10)
        var problems: [String] = []
        for (page, html) in pages.sorted(by: { $0.key < $1.key }) { problems += Self.problems(in: html, page: page) }
        #expect(problems.isEmpty, "\(problems.prefix(40).joined(separator: "\n"))")

        // The payloads did reach the pages (escaped), so the check means something.
        let all = pages.values.joined()
        for field in [
            "plan-title", "theme-label", "segment-label", "group-label", "persona-name", "identity", "signature", "personality",
            "catchphrase", "moment-title", "topic-title", "surprise-title", "gift", "owner", "tag1", "first-line",
        ] {
            #expect(all.contains("X-\(field)-X"), "the \(field) payload is on no page")
        }
        #expect(!all.lowercased().contains("href=\"javascript"))
        // Generated CSS holds nothing but validated colours and the fixed filter
        // selectors built from indexes: no user-written text.
        let css = try String(contentsOf: output.appendingPathComponent("static/themes.css"), encoding: .utf8)
        let colour = #"^\.t[0-9]+ \{ --theme: #[0-9a-f]{3,6}; \}$"#
        let filter = #"^body:has\(select\[name="(persona|kind|segment|theme|status)"\] > option:nth-child\([0-9]+\):checked\) \.(month|outside|week-grid) \.chip:not\(\.[a-z]{1,2}[0-9]+\)(,| \{ display: none; \})$"#
        for line in css.split(separator: "\n") where !line.hasPrefix("/*") {
            let safe = line.range(of: colour, options: .regularExpression) != nil || line.range(of: filter, options: .regularExpression) != nil
            #expect(safe, "\(line)")
        }
        // Paths stay inside output/ even for hostile ids.
        let root2 = output.deletingLastPathComponent()
        let stray = try FileManager.default.contentsOfDirectory(atPath: root2.path).filter { !(["content", "output"] + BesideOutput.kept).contains($0) }
        #expect(stray.isEmpty, "\(stray)")
        // plan.json is still JSON.
        #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("plan.json")))) != nil)

        try loadInChromiumIfPresent(output, pages: pages)
    }

    @Test func aThemeColourThatIsNotAColourIsRefused() throws {
        let root = try Self.makePlan(themeColor: "#fff; } body { background: url(javascript:alert(1)) } </style><script>alert(1)</script>")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["build", "--today", "2026-11-23", "--lang", "en"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.contains("content/plan.yml:13:"), "\(run.stdout.prefix(2_000))")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }

    @Test(arguments: ["javascript:alert(1)//", "data:text/html,<script>alert(1)</script>", " javascript:alert(1)"])
    func aRepoURLThatIsNotHTTPNeverBecomesALink(_ url: String) throws {
        let root = try Self.makePlan(repoURL: url)
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["build", "--today", "2026-11-23", "--lang", "en"], in: root)
        #expect(run.stdout.contains("content/plan.yml:6:"), "\(run.stdout.prefix(2_000))")
        let pages = Self.htmlPages(root.appendingPathComponent("output"))
        #expect(!pages.values.contains { $0.lowercased().contains("javascript:alert") && $0.contains("href=\"javascript") })
        #expect(!pages.values.contains { $0.contains("href=\"data:") })
    }

    /// Optional: loads a few pages in headless Chromium (when installed) and
    /// checks no payload ran: a running payload would set the title to PWNED.
    func loadInChromiumIfPresent(_ output: URL, pages: [String: String]) throws {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let chromium = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let chosen = ["index.html"] + pages.keys.filter { $0.hasPrefix("items/moments/") || $0.hasPrefix("personas/") }.sorted().prefix(2)
        for page in chosen {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--virtual-time-budget=2000",
                "--user-data-dir=" + output.deletingLastPathComponent().appendingPathComponent("chromium-profile").path,
                "--dump-dom", output.appendingPathComponent(page).absoluteString,
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: killer)
            let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            killer.cancel()
            guard !dom.isEmpty else { continue }  // Chromium could not start here: nothing to learn.
            #expect(!dom.contains("<title>PWNED"), "a payload ran in \(page)")
            #expect(dom.contains("X-plan-title-X"), "\(page) did not load as expected")
        }
    }
}
