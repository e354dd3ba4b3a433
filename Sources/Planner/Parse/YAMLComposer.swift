internal import CYaml

/// Composes a `YAMLNode` tree straight from libyaml's events: the one
/// general way YAML is read (SimpleYAML only takes a shortcut for the
/// plainest front matter, and builds the same tree).
///
/// The walk is iterative (libyaml's event stream), so nesting is bounded
/// before anything recursive sees the document, and aliases are counted
/// and their expansion bounded as they come. It also finds what libyaml
/// leaves to its callers: repeated keys, undefined aliases and a second
/// document. Tags are read past (nothing reads them).
struct YAMLComposer {
    enum Outcome {
        case composed(YAMLNode?)
        case failed(YAMLProblem)
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
        // libyaml wants a non-null pointer; an empty text is an empty document.
        if yaml.isEmpty { return .composed(nil) }
        var text = yaml
        return text.withUTF8 { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failed(YAMLProblem(kind: .syntax(problem: "out of memory", context: nil), line: 1, column: 1))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return walk(&parser, length: buffer.count)
        }
    }

    private func walk(_ parser: inout yaml_parser_t, length: Int) -> Outcome {
        var open: [Open] = []
        var anchored: [String: (expanded: Int, node: YAMLNode)] = [:]
        var aliases = 0
        var expanded = 0
        var documents = 0
        var root: YAMLNode?

        /// Hands a finished node to its parent (or makes it the root); a
        /// repeated key is the problem returned.
        func attach(_ node: YAMLNode) -> YAMLProblem? {
            guard let last = open.indices.last else {
                root = node
                return nil
            }
            if open[last].isMapping && open[last].nodes.count % 2 == 0 {
                let name = node.keyName
                let repeated: Bool
                if open[last].names.count < Self.linearNameLimit {
                    repeated = open[last].names.contains(name)
                } else {
                    if open[last].nameSet.isEmpty { open[last].nameSet = Set(open[last].names) }
                    repeated = !open[last].nameSet.insert(name).inserted
                }
                if repeated {
                    return YAMLProblem(kind: .duplicateKey(name), line: node.mark.line, column: node.mark.column)
                }
                open[last].names.append(name)
            }
            open[last].nodes.append(node)
            return nil
        }

        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .composed(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { return .failed(YAMLProblem(kind: .multipleDocuments, line: mark.line, column: mark.column)) }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if open.count >= maximumDepth { return .failed(YAMLProblem(kind: .tooDeep, line: mark.line, column: 1)) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                open.append(Open(isMapping: isMapping, mark: mark, anchor: anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { continue }
                if !open.isEmpty { open[open.count - 1].expanded += closed.expanded }
                let node = closed.isMapping ? Self.mapping(closed) : .sequence(YAMLNode.Sequence(nodes: closed.nodes, mark: closed.mark))
                if let anchor = closed.anchor { anchored[anchor] = (closed.expanded, node) }
                if let problem = attach(node) { return .failed(problem) }
            case YAML_SCALAR_EVENT:
                if !open.isEmpty { open[open.count - 1].expanded += 1 }
                let scalar = event.data.scalar
                let text = scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(scalar.length)), as: UTF8.self)
                } ?? ""
                let node = YAMLNode.scalar(
                    YAMLNode.Scalar(string: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
                if let anchor = scalar.anchor { anchored[String(cString: anchor)] = (1, node) }
                if let problem = attach(node) { return .failed(problem) }
            case YAML_ALIAS_EVENT:
                aliases += 1
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let target = anchored[name] else {
                    return .failed(YAMLProblem(kind: .undefinedAlias(name), line: mark.line, column: mark.column))
                }
                expanded += target.expanded
                if aliases > maximumAliases || expanded > maximumExpandedNodes {
                    return .failed(YAMLProblem(kind: .aliasBomb, line: mark.line, column: 1))
                }
                if !open.isEmpty { open[open.count - 1].expanded += target.expanded }
                if let problem = attach(target.node) { return .failed(problem) }
            default:
                break
            }
        }
        return .failed(Self.syntaxProblem(parser, length: length))
    }

    /// libyaml's own account of a syntax error, placed on the line to fix.
    private static func syntaxProblem(_ parser: yaml_parser_t, length: Int) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        // libyaml has a nesting limit of its own (1,000, counted ahead by
        // its scanner); it is refused in the same words as ours.
        if problem.hasPrefix("Maximum nesting") {
            return YAMLProblem(kind: .tooDeep, line: Int(parser.problem_mark.line) + 1, column: 1)
        }
        var mark = parser.problem_mark
        // Where the scanner gave up is not always what is wrong: a line with
        // no `key:` is noticed on the next one, and an unclosed bracket or
        // quote at the end of the block. The context mark is where it began.
        let atEnd = Int(mark.index) >= length || parser.problem_offset >= length
        if context != nil, problem == "could not find expected ':'" || atEnd {
            mark = parser.context_mark
        }
        return YAMLProblem(kind: .syntax(problem: problem, context: context), line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func mapping(_ open: Open) -> YAMLNode {
        var pairs: [YAMLNode.Mapping.Pair] = []
        pairs.reserveCapacity(open.names.count)
        for (index, name) in open.names.enumerated() where 2 * index + 1 < open.nodes.count {
            pairs.append(YAMLNode.Mapping.Pair(name: name, key: open.nodes[2 * index], value: open.nodes[2 * index + 1]))
        }
        return .mapping(YAMLNode.Mapping(pairs: pairs, mark: open.mark))
    }
}

/// What stopped a YAML text from being composed; line and column are
/// 1-based in the YAML text (columns in characters).
struct YAMLProblem: Error, Sendable {
    enum Kind: Sendable, Equatable {
        /// libyaml's problem and context, in its (English) words.
        case syntax(problem: String, context: String?)
        case tooDeep
        case aliasBomb
        case duplicateKey(String)
        case undefinedAlias(String)
        case multipleDocuments
    }

    let kind: Kind
    let line: Int
    let column: Int
}
