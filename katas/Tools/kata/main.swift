import Foundation
import KataLearner

// `swift run kata …` from the katas folder: the learner's loop, needing nothing but the toolchain.
exit(await KataMain.run(Array(CommandLine.arguments.dropFirst())))
