/// Rewrites the two indentation-based extensions cmark does not know, admonitions
/// (`!!!`, `???`) and content tabs (`===`), into raw HTML wrappers around their dedented
/// bodies, recursively (bodies may nest both). Fenced code is never touched. Every output line
/// keeps its origin, so positions cmark reports can be mapped back to the author's body.
struct BlockPreprocessor {
    private var tabGroupCount = 0

    static func preprocess(_ body: String) -> LineMap {
        var preprocessor = BlockPreprocessor()
        let lines = preprocessor.expand(LineMap.identity(of: body))
        return LineMap(originalLines: LineMap.splitLines(body), lines: lines)
    }

    private mutating func expand(_ lines: [MappedLine]) -> [MappedLine] {
        var output: [MappedLine] = []
        var fences = FenceTracker()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if fences.consume(line.text) {
                output.append(line)
                index += 1
            } else if let marker = AdmonitionMarker.parse(line.text) {
                let (body, end) = indentedBody(of: lines, markerAt: index, indentation: marker.indentation)
                output += admonition(marker, line: line, body: body)
                index = end
            } else if TabMarker.parse(line.text) != nil {
                let (tabs, end) = tabGroup(in: lines, startingAt: index)
                output += tabSet(tabs, line: line)
                index = end
            } else {
                output.append(line)
                index += 1
            }
        }
        return output
    }

    /// The lines after the marker that are blank or indented four columns deeper than it,
    /// dedented by four; trailing blank lines stay outside. Returns the index after the body.
    private func indentedBody(of lines: [MappedLine], markerAt markerIndex: Int, indentation: Int) -> ([MappedLine], Int) {
        var lastBodyLine = markerIndex
        var index = markerIndex + 1
        while index < lines.count {
            let text = lines[index].text
            if Indentation.isBlank(text) {
                index += 1
            } else if Indentation.width(of: text) >= indentation + 4 {
                lastBodyLine = index
                index += 1
            } else {
                break
            }
        }
        let body = lines[(markerIndex + 1)..<(lastBodyLine + 1)].map { Indentation.removing(4, from: $0) }
        return (body, lastBodyLine + 1)
    }

    private mutating func admonition(_ marker: AdmonitionMarker, line: MappedLine, body: [MappedLine]) -> [MappedLine] {
        let indent = String(repeating: " ", count: marker.indentation)
        var output = BlockHTML.admonitionOpening(marker).map { MappedLine.synthetic(indent + $0, from: line.originalLine) }
        output.append(.synthetic("", from: line.originalLine))
        output += expand(body)
        output.append(.synthetic("", from: line.originalLine))
        output.append(.synthetic(indent + BlockHTML.admonitionClosing(marker), from: line.originalLine))
        output.append(.synthetic("", from: line.originalLine))
        return output
    }

    private struct Tab {
        let marker: TabMarker
        let body: [MappedLine]
        let markerLine: Int
    }

    /// Consecutive `===` markers at the same indentation (blank lines between are fine).
    private func tabGroup(in lines: [MappedLine], startingAt start: Int) -> ([Tab], Int) {
        var tabs: [Tab] = []
        var index = start
        while let marker = TabMarker.parse(lines[index].text) {
            let (body, end) = indentedBody(of: lines, markerAt: index, indentation: marker.indentation)
            tabs.append(Tab(marker: marker, body: body, markerLine: lines[index].originalLine))
            var lookahead = end
            while lookahead < lines.count, Indentation.isBlank(lines[lookahead].text) { lookahead += 1 }
            guard lookahead < lines.count,
                  let next = TabMarker.parse(lines[lookahead].text),
                  next.indentation == tabs[0].marker.indentation,
                  !next.startsNewGroup
            else { return (tabs, end) }
            index = lookahead
        }
        return (tabs, index)
    }

    private mutating func tabSet(_ tabs: [Tab], line: MappedLine) -> [MappedLine] {
        tabGroupCount += 1
        let group = tabGroupCount
        let indent = String(repeating: " ", count: tabs[0].marker.indentation)
        let selected = tabs.firstIndex { $0.marker.isSelected } ?? 0
        var output = BlockHTML.tabsOpening(group: group, titles: tabs.map(\.marker.title), selected: selected)
            .map { MappedLine.synthetic(indent + $0, from: line.originalLine) }
        for tab in tabs {
            output.append(.synthetic(indent + BlockHTML.tabPanelOpening, from: tab.markerLine))
            output.append(.synthetic("", from: tab.markerLine))
            output += expand(tab.body)
            output.append(.synthetic("", from: tab.markerLine))
            output.append(.synthetic(indent + BlockHTML.tabPanelClosing, from: tab.markerLine))
        }
        output += BlockHTML.tabsClosing.map { MappedLine.synthetic(indent + $0, from: line.originalLine) }
        output.append(.synthetic("", from: line.originalLine))
        return output
    }
}
