/// `swift run kata COMMAND [ID] [options]`: parses the command line and runs the command.
/// Hand-written rather than ArgumentParser's: the katas package depends on nothing but the toolchain.
public struct KataCommandLine: Sendable, Equatable {
    public var command: String
    public var id: String?
    public var flags: Set<String>
    public var timeLimit: Int?

    public init(command: String, id: String?, flags: Set<String>, timeLimit: Int?) {
        self.command = command
        self.id = id
        self.flags = flags
        self.timeLimit = timeLimit
    }

    public static let usage = """
        usage: swift run kata [COMMAND] [ID] [options]     (from the katas/ folder)

          watch [ID]      check on every save; the default command. Without ID: the next unsolved kata
          check [ID]      build and test once, record a solve
          list            every kata in order, your progress
          show [ID]       the instructions
          hint [ID]       the next hint, gentle first (--all: every hint seen so far)
          solution [ID]   the reference solution (asks first until you have solved the kata; --yes)
          reset [ID]      restore the stub, discarding your code (asks first; --yes)

          --time-limit SECONDS   how long the tests of one check may run (default 20)
        """

    static let commands: Set<String> = ["watch", "check", "list", "show", "hint", "solution", "reset", "help"]

    public static func parse(_ arguments: [String]) throws -> KataCommandLine {
        var line = KataCommandLine(command: "watch", id: nil, flags: [], timeLimit: nil)
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            guard commands.contains(first) else {
                throw KataToolError("unknown command '\(first)'\n\n\(usage)")
            }
            line.command = first
            rest = rest.dropFirst()
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--time-limit":
                guard let value = rest.popFirst(), let seconds = Int(value), seconds > 0 else {
                    throw KataToolError("--time-limit needs a whole number of seconds, e.g. --time-limit 60")
                }
                line.timeLimit = seconds
            case "--all", "--yes":
                line.flags.insert(argument)
            case "-h", "--help":
                line.command = "help"
            case let other where other.hasPrefix("-"):
                throw KataToolError("unknown option '\(other)'\n\n\(usage)")
            case let id where line.id == nil:
                line.id = id
            default:
                throw KataToolError("one kata at a time: '\(line.id!)' and '\(argument)'")
            }
        }
        return line
    }
}
