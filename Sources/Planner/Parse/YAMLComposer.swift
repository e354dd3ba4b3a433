internal import CYaml

/// Composes a `YAMLNode` tree straight from libyaml's events, in one pass
/// that also guards against deep nesting and alias bombs.
///
/// The walk is iterative (libyaml's event stream), so depth is bounded
/// before anything recursive (Yams, or freeing a tree) sees the document.
/// Whatever it cannot judge exactly as Yams would is left to Yams
/// (`deferred`): a syntax error (Yams words it), an undefined alias, more
/// than one document, and any mapping where two keys might be equal under
/// Yams' tag-aware comparison or a key might carry a `=` value. Front
/// matter almost never has any of these, and then no tag is ever resolved.
struct YAMLComposer {
    enum Outcome {
        case composed(YAMLNode?)
        /// Nesting beyond the limit; `line` is 1-based in the YAML.
        case tooDeep(line: Int)
        /// Too many aliases, or too much expanded by them.
        case aliasBomb(line: Int)
        case deferred
    }

    let maximumAliases: Int
    let maximumDepth: Int
    let maximumExpandedNodes: Int

    /// One collection still open.
    private struct Open {
        let isMapping: Bool
        let mark: YAMLNode.Mark
        let anchor: String?
        /// Nodes it stands for once aliases are expanded (itself included).
        var expanded = 1
        /// A sequence's elements; a mapping's keys and values, alternating.
        var nodes: [YAMLNode] = []
        /// A mapping's key names, to find repeated ones.
        var names: [String] = []
        var nameSet: Set<String> = []
    }

    /// Above this many keys a mapping looks names up in a set, not the list.
    private static let linearNameLimit = 16

    func compose(_ yaml: String) -> Outcome {
        // libyaml wants a non-null pointer; Yams handles the empty text itself.
        if yaml.isEmpty { return .deferred }
        var text = yaml
        return text.withUTF8 { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .deferred }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return walk(&parser)
        }
    }

    private func walk(_ parser: inout yaml_parser_t) -> Outcome {
        var open: [Open] = []
        var anchored: [String: (expanded: Int, node: YAMLNode?)] = [:]
        var aliases = 0
        var expanded = 0
        var documents = 0
        var root: YAMLNode?
        // Cleared at the first thing only Yams can judge; the guard walks on regardless.
        var building = true

        /// Hands a finished node to its parent (or makes it the root).
        /// `keyable`: false when Yams might compare the node, as a key, unlike its text.
        func attach(_ node: YAMLNode, keyable: Bool) {
            guard building else { return }
            guard let last = open.indices.last else {
                root = node
                return
            }
            if open[last].isMapping && open[last].nodes.count % 2 == 0 {
                // A key: only a plain, untagged scalar with a name not yet used stays here.
                guard keyable, case .scalar(let scalar) = node, scalar.string != "=" else {
                    building = false
                    return
                }
                if open[last].names.count < Self.linearNameLimit {
                    if open[last].names.contains(scalar.string) {
                        building = false
                        return
                    }
                } else {
                    if open[last].nameSet.isEmpty { open[last].nameSet = Set(open[last].names) }
                    guard open[last].nameSet.insert(scalar.string).inserted else {
                        building = false
                        return
                    }
                }
                open[last].names.append(scalar.string)
            }
            open[last].nodes.append(node)
        }

        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let mark = YAMLNode.Mark(line: line, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return building ? .composed(root) : .deferred
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { building = false }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if open.count >= maximumDepth { return .tooDeep(line: line) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                open.append(Open(isMapping: isMapping, mark: mark, anchor: anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { continue }
                if !open.isEmpty { open[open.count - 1].expanded += closed.expanded }
                var node: YAMLNode?
                if building {
                    node = closed.isMapping ? Self.mapping(closed) : .sequence(YAMLNode.Sequence(nodes: closed.nodes, mark: closed.mark))
                    if node == nil { building = false }
                }
                if let anchor = closed.anchor { anchored[anchor] = (closed.expanded, node) }
                if let node { attach(node, keyable: true) }
            case YAML_SCALAR_EVENT:
                if !open.isEmpty { open[open.count - 1].expanded += 1 }
                let scalar = event.data.scalar
                let text = scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(scalar.length)), as: UTF8.self)
                } ?? ""
                let node = YAMLNode.scalar(
                    YAMLNode.Scalar(string: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
                if let anchor = scalar.anchor { anchored[String(cString: anchor)] = (1, node) }
                // An explicit tag on a key changes how Yams compares (and may read) it.
                attach(node, keyable: scalar.tag == nil)
            case YAML_ALIAS_EVENT:
                aliases += 1
                let target = event.data.alias.anchor.flatMap { anchored[String(cString: $0)] }
                let size = target?.expanded ?? 1
                expanded += size
                if aliases > maximumAliases || expanded > maximumExpandedNodes { return .aliasBomb(line: line) }
                if !open.isEmpty { open[open.count - 1].expanded += size }
                if let node = target?.node {
                    // An alias key is compared by Yams through its target's tag: left to Yams.
                    attach(node, keyable: false)
                } else {
                    building = false
                }
            default:
                break
            }
        }
        // libyaml has a nesting limit of its own (1,000, counted ahead by
        // its scanner); it is refused in the same words as ours.
        if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting") {
            return .tooDeep(line: Int(parser.problem_mark.line) + 1)
        }
        return .deferred
    }

    private static func mapping(_ open: Open) -> YAMLNode? {
        guard open.nodes.count % 2 == 0 else { return nil }
        var pairs: [YAMLNode.Mapping.Pair] = []
        pairs.reserveCapacity(open.names.count)
        for (index, name) in open.names.enumerated() {
            pairs.append(YAMLNode.Mapping.Pair(name: name, key: open.nodes[2 * index], value: open.nodes[2 * index + 1]))
        }
        return .mapping(YAMLNode.Mapping(pairs: pairs, mark: open.mark, valueString: nil))
    }
}
