/// A composed YAML node with what the decoders read: text, whether a scalar
/// is plain, where each node starts, and the structure. Tags are not kept:
/// nothing reads them.
indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// 1-based (libyaml counts from 0; columns in Unicode scalars).
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
            /// The key as messages and lookups name it (`keyName`).
            let name: String
            let key: YAMLNode
            let value: YAMLNode
        }
        let pairs: [Pair]
        let mark: Mark
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(let sequence): return sequence.mark
        case .mapping(let mapping): return mapping.mark
        }
    }

    /// A scalar's text; nil for a list or a mapping.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}

extension YAMLNode {
    /// The node as a mapping key names it: a scalar's text; a list or
    /// mapping used as a key, written in flow style (`[a, b]`, `{a: b}`).
    var keyName: String {
        switch self {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return "[" + sequence.nodes.map(\.keyName).joined(separator: ", ") + "]"
        case .mapping(let mapping): return "{" + mapping.pairs.map { $0.name + ": " + $0.value.keyName }.joined(separator: ", ") + "}"
        }
    }
}
