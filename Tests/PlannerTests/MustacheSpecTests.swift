import Foundation
import Testing
@testable import Planner

/// Every test of the official Mustache spec's core modules and its
/// inheritance module, run against the engine (files in MustacheSpec/, see
/// its README). Lambdas, an optional module, are not supported.
@Suite struct MustacheSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MustacheSpec")

    private struct SpecFile: Decodable {
        let tests: [SpecTest]
    }

    private struct SpecTest: Decodable {
        let name: String
        let data: SpecJSON
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    /// JSON as the spec writes its data.
    private enum SpecJSON: Decodable {
        case null, bool(Bool), int(Int), double(Double), string(String), array([SpecJSON]), object([String: SpecJSON])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
            else if let int = try? container.decode(Int.self) { self = .int(int) }
            else if let double = try? container.decode(Double.self) { self = .double(double) }
            else if let string = try? container.decode(String.self) { self = .string(string) }
            else if let array = try? container.decode([SpecJSON].self) { self = .array(array) }
            else { self = .object(try container.decode([String: SpecJSON].self)) }
        }

        /// A template value; `null` is left out of objects, so it reads as absent (false, empty).
        var value: TemplateValue? {
            switch self {
            case .null: return nil
            case .bool(let bool): return .bool(bool)
            case .int(let int): return .int(int)
            case .double(let double): return .string(String(describing: double))
            case .string(let string): return .string(string)
            case .array(let elements): return .list(elements.map { $0.value ?? .bool(false) })
            case .object(let fields):
                return .object(TemplateObject(fields.keys.sorted().compactMap { key in fields[key]!.value.map { (TemplateKey(key), $0) } }))
            }
        }
    }

    @Test(arguments: ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"])
    func everyTestOfTheModulePasses(_ module: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(module).json"))
        let file = try JSONDecoder().decode(SpecFile.self, from: data)
        #expect(!file.tests.isEmpty)
        var failures: [String] = []
        for test in file.tests {
            do {
                // The test's own template takes a name no partial of the spec uses.
                var templates: [String: CompiledTemplate] = [" spec ": try MustacheParser.parse(test.template)]
                for (name, text) in test.partials ?? [:] { templates[name] = try MustacheParser.parse(text) }
                var output: [UInt8] = []
                TemplateSet(templates).render(test.data.value ?? .bool(false), template: " spec ", into: &output)
                let rendered = String(decoding: output, as: UTF8.self)
                if rendered != test.expected {
                    failures.append("\(test.name): expected \(test.expected.debugDescription), rendered \(rendered.debugDescription)")
                }
            } catch {
                failures.append("\(test.name): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(module): \(failures.count) of \(file.tests.count) fail\n\(failures.joined(separator: "\n"))")
    }
}
