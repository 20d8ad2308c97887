import SaringCore

/// Builds policy folders in memory for tests.
enum PolicyFixtures {
    static func source(_ files: [String: String]) -> PolicySource {
        PolicySource(files: files.map { PolicySource.File(name: $0.key, text: $0.value) })
    }

    static func compile(_ files: [String: String]) throws -> Policy {
        try PolicyCompiler.compile(source(files)).get()
    }

    static func diagnostics(_ files: [String: String]) -> [Diagnostic] {
        switch PolicyCompiler.compile(source(files)) {
        case .success: []
        case .failure(let error): error.diagnostics
        }
    }

    static func draft(_ body: String, author: String = "Pembaca") -> CommentDraft {
        CommentDraft(articleId: "a1", authorName: author, authorEmail: nil, body: body, parentId: nil)
    }

    /// A small pack with one rule of each action.
    static let pack: [String: String] = [
        "judol.yaml": """
            # Online gambling
            rules:
              - id: judol.keywords
                description: Online-gambling spam keywords
                category: judol
                fields: [body, author]
                words: [slot gacor, situs judi, maxwin]
                action: reject
                examples:
                  match: ["main slot gacor hari ini", "SITUS JUDI terpercaya"]
                  no-match: ["Pemerintah memberantas judi online"]
            """,
        "kasar.yaml": """
            rules:
              - id: kasar.bangsat
                description: Profanity 'bangsat'
                category: kasar
                words: [bangsat, anjing*]
                action: mask
                examples:
                  match: ["dasar bangsat", "anjingnya galak"]
                  no-match: ["bangsa Indonesia"]
              - id: kasar.goblok
                description: Insult 'goblok'
                words: [goblok]
                action: flag
                examples:
                  match: ["goblok banget"]
            """,
        "sara.yaml": """
            rules:
              - id: sara.kafir
                description: Calling a group infidels
                pattern: '\\bkafir\\b'
                score: 3
                examples:
                  match: ["dasar kafir"]
              - id: sara.usir
                description: Calls to expel a group
                pattern: '\\busir\\s+(?:semua|mereka)\\b'
                score: 3
                examples:
                  match: ["usir mereka semua"]
              - id: sara.trial
                description: A rule on trial
                words: [pribumi]
                action: hold
                mode: shadow
                examples:
                  match: ["pribumi"]
            """,
    ]
}
