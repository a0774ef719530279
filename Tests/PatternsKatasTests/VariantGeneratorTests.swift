import PatternsContent
import Testing
@testable import PatternsKatas

@Suite("Turning a kata into variants")
struct VariantGeneratorTests {
    @Test("A reference, a stub and one variant per mutant, each its own module")
    func variantsAndModules() {
        let (variants, errors) = VariantGenerator.variants(for: Fixture.kata(), files: Fixture.files)
        #expect(errors.isEmpty)
        #expect(variants.map(\.module) == ["AdderKata__reference", "AdderKata__stub", "AdderKata__subtracts", "AdderKata__swaps"])
        #expect(variants.map(\.testTarget).first == "AdderKata__referenceTests")
        #expect(variants[1].sources == Fixture.files.sources)
        #expect(variants[2].sources["Adder.swift"]!.contains("a - b"))
    }

    @Test("Tests import the variant's module instead of the kata's")
    func importsRewritten() {
        let (variants, _) = VariantGenerator.variants(for: Fixture.kata(), files: Fixture.files)
        let tests = variants[1].tests["AdderTests.swift"]!
        #expect(tests.contains("@testable import AdderKata__stub\n"))
        #expect(!tests.contains("import AdderKata\n"))
    }

    @Test("Only whole import lines of exactly that module are rewritten")
    func importRewriterIsPrecise() {
        let source = "import Testing\nimport AdderKataExtras\n  import AdderKata\n// import AdderKata here\n@testable import AdderKata"
        let rewritten = ImportRewriter.rewrite(source, from: "AdderKata", to: "X")
        #expect(rewritten == "import Testing\nimport AdderKataExtras\n  import X\n// import AdderKata here\n@testable import X")
    }

    @Test("Mutant ids with dashes or leading digits become identifiers")
    func moduleNames() {
        #expect(ModuleName.identifier(from: "never-half-opens") == "never_half_opens")
        #expect(ModuleName.identifier(from: "2x-delay") == "_2x_delay")
    }

    @Test("A mutant whose text does not occur is an error naming kata and mutant")
    func missingText() {
        let kata = Fixture.kata(mutants: [Fixture.mutant("typo", replace: "a +  b", with: "a - b")])
        let (variants, errors) = VariantGenerator.variants(for: kata, files: Fixture.files)
        #expect(variants.count == 2)
        #expect(errors.map(\.description) == ["adder: mutant 'typo': the 'replace' text does not occur in .meta/solution/Adder.swift; it must occur exactly once"])
    }

    @Test("A mutant whose text occurs twice is ambiguous, and an error")
    func ambiguousText() {
        let kata = Fixture.kata(mutants: [Fixture.mutant("vague", replace: "Int", with: "Double")])
        let (_, errors) = VariantGenerator.variants(for: kata, files: Fixture.files)
        #expect(errors.first?.message.contains("occurs 3 times") == true)
        #expect(errors.first?.mutant?.id == "vague")
    }

    @Test("A mutant of a file not in the reference is an error")
    func unknownFile() {
        let kata = Fixture.kata(mutants: [Fixture.mutant("lost", replace: "a", with: "b", file: "Nope.swift")])
        let (_, errors) = VariantGenerator.variants(for: kata, files: Fixture.files)
        #expect(errors.first?.message == "mutant 'lost': file 'Nope.swift' is not in .meta/solution/ (it has Adder.swift)")
    }

    @Test("A Sources/ file that Solution/ lacks is given to the learner: the reference uses it as is")
    func givenFilesComeFromSources() {
        var files = Fixture.files
        files.sources["Given.swift"] = "public struct Database {}"
        let (variants, errors) = VariantGenerator.variants(for: Fixture.kata(), files: files)
        #expect(errors.isEmpty)
        let reference = variants.first { $0.kind == .reference }
        #expect(reference?.sources["Given.swift"] == "public struct Database {}", "the given file is missing from the reference")
        #expect(reference?.sources["Adder.swift"] == files.solution["Adder.swift"], "the reference must use the solved file, not the stub")
    }

    @Test("Two mutant ids that map to the same module are an error")
    func clashingIDs() {
        let kata = Fixture.kata(mutants: [
            Fixture.mutant("off-by-one", replace: "a + b", with: "a + b + 1"),
            Fixture.mutant("off_by_one", replace: "a + b", with: "a + b - 1"),
        ])
        let (variants, errors) = VariantGenerator.variants(for: kata, files: Fixture.files)
        #expect(variants.count == 3)
        #expect(errors.count == 1)
    }
}

@Suite("The scratch package")
struct ScratchPackageTests {
    let scratch = ScratchPackage(root: "/scratch", katasPackage: "/repo/katas")

    @Test("The manifest has a library and a test target per variant, and the harness by path")
    func manifest() {
        let (variants, _) = VariantGenerator.variants(for: Fixture.kata(), files: Fixture.files)
        let manifest = scratch.manifest(for: variants)
        #expect(manifest.contains(#".package(path: "/repo/katas")"#))
        #expect(manifest.contains(#".target(name: "AdderKata__swaps", dependencies: [harness], path: "Variants/AdderKata__swaps/Sources")"#))
        #expect(manifest.contains(#"name: "AdderKata__swapsTests""#))
    }

    @Test("A second sync writes nothing; dropped variants and files are removed")
    func incremental() throws {
        let fileSystem = InMemoryFileSystem()
        let (variants, _) = VariantGenerator.variants(for: Fixture.kata(), files: Fixture.files)
        #expect(try scratch.sync(variants, to: fileSystem) == 9)
        #expect(try scratch.sync(variants, to: fileSystem) == 0)

        try fileSystem.write("old", to: "/scratch/Variants/AdderKata__stub/Sources/Old.swift")
        #expect(try scratch.sync(Array(variants.prefix(2)), to: fileSystem) == 1) // the manifest
        #expect(!fileSystem.fileExists(at: "/scratch/Variants/AdderKata__stub/Sources/Old.swift"))
        #expect(!fileSystem.directoryExists(at: "/scratch/Variants/AdderKata__swaps"))
        #expect(fileSystem.fileExists(at: "/scratch/Variants/AdderKata__reference/Tests/AdderTests.swift"))
    }
}

@Suite("Katas with missing folders")
struct EmptyFolderTests {
    @Test("A kata without tests gets no variants and an error, so the package still builds")
    func noTests() {
        var files = Fixture.files
        files.tests = [:]
        let (variants, errors) = VariantGenerator.variants(for: Fixture.kata(), files: files)
        #expect(variants.isEmpty)
        #expect(errors.map(\.description) == ["adder: no Swift files in Tests/"])
    }
}
