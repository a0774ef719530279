// The process runner, test-result parsing and crash isolation live in the katas package's
// KataLearner (the learner's tool must build without this package); verify builds on them.
@_exported import KataLearner
