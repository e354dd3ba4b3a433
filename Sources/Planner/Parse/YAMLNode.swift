import Yams

/// A composed YAML node with what the decoders read: text, whether a scalar
/// is plain, where each node starts, and the structure. Tags are not kept:
/// nothing reads them, and resolving them (with regular expressions) was
/// most of the cost of composing with Yams.
indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// 1-based, as Yams counts (columns in Unicode scalars).
    struct Mark: Sendable {
        let line: Int
        let column: Int
    }

    struct Scalar: Sendable {
        let string: String
        /// Unquoted and not a block scalar: only then can it mean null.
        let isPlain: Bool
        let mark: Mark
    }

    struct Sequence: Sendable {
        let nodes: [YAMLNode]
        let mark: Mark
    }

    struct Mapping: Sendable {
        struct Pair: Sendable {
            /// The key as messages and lookups name it (Yams' `key.string ?? "\(key)"`).
            let name: String
            let key: YAMLNode
            let value: YAMLNode
        }
        let pairs: [Pair]
        let mark: Mark
        /// What Yams' `Node.string` gives for a mapping: the value of a `=`
        /// key, if any. Only a Yams-composed tree can have one.
        let valueString: String?
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(let sequence): return sequence.mark
        case .mapping(let mapping): return mapping.mark
        }
    }

    /// The node as text, as Yams' `Node.string` reads it: a scalar's text, nil for a list.
    var string: String? {
        switch self {
        case .scalar(let scalar): return scalar.string
        case .sequence: return nil
        case .mapping(let mapping): return mapping.valueString
        }
    }
}

extension YAMLNode {
    /// A list or mapping used as a key, written in flow style (`[a, b]`,
    /// `{a: b}`): Yams' own description holds a memory address, which changed
    /// the message and the fingerprint from run to run.
    static func flowText(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return "[" + sequence.map(flowText).joined(separator: ", ") + "]"
        case .mapping(let mapping): return "{" + mapping.map { flowText($0.key) + ": " + flowText($0.value) }.joined(separator: ", ") + "}"
        case .alias: return "*"
        }
    }

    /// The same tree from a Yams node, for documents Yams composes itself
    /// (see `YAMLDocument.parse`). Names and texts are read from Yams so that
    /// they are exactly what it gives, tag resolution included.
    init(_ node: Node) {
        let mark = node.mark.map { Mark(line: $0.line, column: $0.column) } ?? Mark(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, isPlain: scalar.style == .plain, mark: mark))
        case .sequence(let sequence):
            self = .sequence(Sequence(nodes: sequence.map(YAMLNode.init), mark: mark))
        case .mapping(let mapping):
            let pairs = mapping.map { key, value in
                Mapping.Pair(name: key.string ?? YAMLNode.flowText(key), key: YAMLNode(key), value: YAMLNode(value))
            }
            self = .mapping(Mapping(pairs: pairs, mark: mark, valueString: node.string))
        case .alias:
            // Composing resolves every alias to its node; nothing to read here.
            self = .scalar(Scalar(string: "", isPlain: true, mark: mark))
        }
    }
}
