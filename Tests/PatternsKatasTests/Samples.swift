/// Output captured from Swift 6.3.1 on Linux (`swift test --event-stream-output-path F
/// --event-stream-version 0`) on a probe package; backtraces and timestamps trimmed.
enum Samples {
    static let eventStream = #"""
    {"kind":"test","payload":{"displayName":"Adding zero keeps the number","id":"ProbeTests.zero()\/ProbeTests.swift:4:2","isParameterized":false,"kind":"function","name":"zero()","sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":2,"fileID":"ProbeTests\/ProbeTests.swift","line":4}},"version":0}
    {"kind":"test","payload":{"displayName":"Adding two numbers sums them","id":"ProbeTests.sum()\/ProbeTests.swift:5:2","isParameterized":false,"kind":"function","name":"sum()","sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":2,"fileID":"ProbeTests\/ProbeTests.swift","line":5}},"version":0}
    {"kind":"test","payload":{"displayName":"Two issues","id":"ProbeTests.two()\/ProbeTests.swift:6:2","isParameterized":false,"kind":"function","name":"two()","sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":2,"fileID":"ProbeTests\/ProbeTests.swift","line":6}},"version":0}
    {"kind":"test","payload":{"id":"ProbeTests.plainName()\/ProbeTests.swift:7:2","isParameterized":false,"kind":"function","name":"plainName()","sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":2,"fileID":"ProbeTests\/ProbeTests.swift","line":7}},"version":0}
    {"kind":"test","payload":{"displayName":"A suite","id":"ProbeTests.S","kind":"suite","name":"S","sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":2,"fileID":"ProbeTests\/ProbeTests.swift","line":8}},"version":0}
    {"kind":"test","payload":{"displayName":"Nested \"quoted\" name","id":"ProbeTests.S\/nested()\/ProbeTests.swift:9:4","isParameterized":false,"kind":"function","name":"nested()","sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":4,"fileID":"ProbeTests\/ProbeTests.swift","line":9}},"version":0}
    {"kind":"event","payload":{"instant":{"absolute":633.024725561,"since1970":1795380766.0982456},"kind":"runStarted","messages":[{"symbol":"default","text":"Test run started."}]},"version":0}
    {"kind":"event","payload":{"kind":"testStarted","messages":[{"symbol":"default","text":"Suite \"A suite\" started."}],"testID":"ProbeTests.S"},"version":0}
    {"kind":"event","payload":{"kind":"testStarted","messages":[{"symbol":"default","text":"Test \"Two issues\" started."}],"testID":"ProbeTests.two()\/ProbeTests.swift:6:2"},"version":0}
    {"kind":"event","payload":{"kind":"testStarted","messages":[{"symbol":"default","text":"Test \"Adding two numbers sums them\" started."}],"testID":"ProbeTests.sum()\/ProbeTests.swift:5:2"},"version":0}
    {"kind":"event","payload":{"kind":"testStarted","messages":[{"symbol":"default","text":"Test plainName() started."}],"testID":"ProbeTests.plainName()\/ProbeTests.swift:7:2"},"version":0}
    {"kind":"event","payload":{"kind":"testStarted","messages":[{"symbol":"default","text":"Test \"Adding zero keeps the number\" started."}],"testID":"ProbeTests.zero()\/ProbeTests.swift:4:2"},"version":0}
    {"kind":"event","payload":{"_comments":[],"issue":{"isKnown":false,"sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":34,"fileID":"ProbeTests\/ProbeTests.swift","line":6}},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"Expectation failed: (add(1, 1) → 0) == 2"}],"testID":"ProbeTests.two()\/ProbeTests.swift:6:2"},"version":0}
    {"kind":"event","payload":{"_comments":[],"issue":{"isKnown":false,"sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":59,"fileID":"ProbeTests\/ProbeTests.swift","line":6}},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"Expectation failed: (add(2, 2) → 0) == 4"}],"testID":"ProbeTests.two()\/ProbeTests.swift:6:2"},"version":0}
    {"kind":"event","payload":{"_comments":["add(2, 3) returned -1"],"issue":{"isKnown":false,"sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":52,"fileID":"ProbeTests\/ProbeTests.swift","line":5}},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"Expectation failed: (add(2, 3) → -1) == 5"},{"symbol":"details","text":"add(2, 3) returned -1"}],"testID":"ProbeTests.sum()\/ProbeTests.swift:5:2"},"version":0}
    {"kind":"event","payload":{"kind":"testStarted","messages":[{"symbol":"default","text":"Test \"Nested \"quoted\" name\" started."}],"testID":"ProbeTests.S\/nested()\/ProbeTests.swift:9:4"},"version":0}
    {"kind":"event","payload":{"_comments":[],"issue":{"_error":{"code":1,"description":"E()","domain":"ProbeTests.E"},"isKnown":false,"sourceLocation":{"_filePath":"\/tmp\/kt-probe\/Tests\/ProbeTests\/ProbeTests.swift","column":2,"fileID":"ProbeTests\/ProbeTests.swift","line":7}},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"Caught error: E()"}],"testID":"ProbeTests.plainName()\/ProbeTests.swift:7:2"},"version":0}
    {"kind":"event","payload":{"kind":"testEnded","messages":[{"symbol":"fail","text":"Test \"Two issues\" failed after 0.002 seconds with 2 issues."}],"testID":"ProbeTests.two()\/ProbeTests.swift:6:2"},"version":0}
    {"kind":"event","payload":{"kind":"testEnded","messages":[{"symbol":"fail","text":"Test \"Adding two numbers sums them\" failed after 0.002 seconds with 1 issue."}],"testID":"ProbeTests.sum()\/ProbeTests.swift:5:2"},"version":0}
    {"kind":"event","payload":{"kind":"testEnded","messages":[{"symbol":"fail","text":"Test plainName() failed after 0.002 seconds with 1 issue."}],"testID":"ProbeTests.plainName()\/ProbeTests.swift:7:2"},"version":0}
    {"kind":"event","payload":{"kind":"testEnded","messages":[{"symbol":"pass","text":"Test \"Nested \"quoted\" name\" passed after 0.001 seconds."}],"testID":"ProbeTests.S\/nested()\/ProbeTests.swift:9:4"},"version":0}
    {"kind":"event","payload":{"kind":"testEnded","messages":[{"symbol":"pass","text":"Suite \"A suite\" passed after 0.003 seconds."}],"testID":"ProbeTests.S"},"version":0}
    {"kind":"event","payload":{"kind":"testEnded","messages":[{"symbol":"pass","text":"Test \"Adding zero keeps the number\" passed after 0.006 seconds."}],"testID":"ProbeTests.zero()\/ProbeTests.swift:4:2"},"version":0}
    {"kind":"event","payload":{"kind":"runEnded","messages":[{"symbol":"fail","text":"Test run with 5 tests in 1 suite failed after 0.007 seconds with 4 issues."}]},"version":0}
    """#

    /// `swift build` output with a type error, as Swift 6.3 prints it (twice, once per job).
    static let compilerOutput = """
    Building for debugging...
    [1/4] Compiling Adder Adder.swift
    /tmp/k/katas/adder/Sources/Adder.swift:3:12: error: cannot convert return expression of type 'String' to return type 'Int'
     1 | /// Adds.
     2 | public func add(_ a: Int, _ b: Int) -> Int {
     3 |     return "x"
       |            `- error: cannot convert return expression of type 'String' to return type 'Int'
     4 | }
     5 |
    [2/4] Emitting module Adder
    /tmp/k/katas/adder/Sources/Adder.swift:3:12: error: cannot convert return expression of type 'String' to return type 'Int'
     1 | /// Adds.
       |            `- error: cannot convert return expression of type 'String' to return type 'Int'
    error: fatalError
    """
}
