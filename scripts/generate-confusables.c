// Writes Sources/SaringCore/Normalization/ConfusablesTable.swift from ICU's UTS #39 data.
//
// ICU's skeleton of a single code point is its confusable prototype (confusables.txt, the MA
// table). This keeps the prototypes that read as Latin letters or digits, in the form the
// normalizer's look-alike step wants (lower-case ASCII), and drops what Indonesian text must not
// suffer. Build and run it with scripts/generate-confusables; the runtime does not link ICU.
#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/uversion.h>

// Scripts people write real text in that Indonesian comments quote (Arabic prayers, Hebrew, the
// Brahmic and Southeast Asian scripts, Han, Ethiopic): their letters that merely resemble Latin
// ones (Arabic alef ~ l, heh ~ o; Malayalam anusvara ~ o) would turn real words into stray Latin
// letters. Fancy-text generators draw on the other scripts (Greek, Cyrillic, Cherokee, Lisu, …).
static const UScriptCode kept_out[] = {
    USCRIPT_ARABIC, USCRIPT_HEBREW, USCRIPT_DEVANAGARI, USCRIPT_BENGALI, USCRIPT_GURMUKHI,
    USCRIPT_GUJARATI, USCRIPT_ORIYA, USCRIPT_TAMIL, USCRIPT_TELUGU, USCRIPT_KANNADA,
    USCRIPT_MALAYALAM, USCRIPT_SINHALA, USCRIPT_THAI, USCRIPT_LAO, USCRIPT_MYANMAR, USCRIPT_TIRHUTA,
    USCRIPT_AHOM, USCRIPT_HAN, USCRIPT_ETHIOPIC, USCRIPT_JAVANESE, USCRIPT_BALINESE,
    USCRIPT_SUNDANESE, USCRIPT_BUGINESE,
};

static int is_kept_out(UScriptCode script) {
    for (size_t i = 0; i < sizeof kept_out / sizeof kept_out[0]; i++)
        if (kept_out[i] == script) return 1;
    return 0;
}

static int is_mark(UChar32 c) {
    int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

static int is_number(UChar32 c) {
    int8_t type = u_charType(c);
    return type == U_LETTER_NUMBER || type == U_OTHER_NUMBER;
}

// The fold of `c` in lower-case ASCII letters and digits, or 0 when there is none; `raw` keeps
// every prototype as UTS #39 has it (only lower-cased), for measuring what the rules change.
static int fold(USpoofChecker *checker, UChar32 c, int raw, char *out, size_t size) {
    UChar input[2];
    int32_t length = 0;
    U16_APPEND_UNSAFE(input, length, c);
    UChar skeleton[64];
    UErrorCode error = U_ZERO_ERROR;
    int32_t count = uspoof_getSkeleton(checker, 0, input, length, skeleton, 64, &error);
    if (U_FAILURE(error)) return 0;
    size_t used = 0;
    for (int32_t i = 0; i < count;) {
        UChar32 p;
        U16_NEXT(skeleton, i, count, p);
        if (is_mark(p)) continue;  // ł is l + overlay: the normalizer drops marks anyway
        if (p == '\'') continue;   // Ɓ is 'B: the hook is decoration
        if (p >= 0x80 || !u_isalnum(p)) return 0;
        if (used + 1 >= size) return 0;
        out[used++] = (char)p;
    }
    out[used] = 0;
    if (used == 0) return 0;
    if (!raw) {
        // Prototypes stand for several ASCII characters: 0 → O, 1 and I → l, m → rn. Undo that.
        char *rn;
        while ((rn = strstr(out, "rn")) != NULL) {
            rn[0] = 'm';
            memmove(rn + 1, rn + 2, strlen(rn + 2) + 1);
        }
        for (char *q = out; *q; q++) {
            if (is_number(c) && *q == 'O') *q = '0';
            else if (is_number(c) && *q == 'l') *q = '1';
            // A bar that is a capital or a caseless letter (Ι І Ⲓ ꓲ) is an I; a small one an l.
            else if (*q == 'l' && u_isalpha(c) && !u_isULowercase(c)) *q = 'i';
        }
    }
    for (char *q = out; *q; q++) *q = (char)u_tolower(*q);
    return 1;
}

int main(int argc, char **argv) {
    int raw = argc > 1 && strcmp(argv[1], "--raw") == 0;
    UErrorCode error = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&error);
    const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&error);
    if (U_FAILURE(error)) {
        fprintf(stderr, "ICU: %s\n", u_errorName(error));
        return 1;
    }
    int kept = 0, scriptDropped = 0;
    static char entries[1 << 20];
    size_t used = 0;
    int onLine = 0;
    for (UChar32 c = 0x80; c <= 0x10FFFF; c++) {
        if (U_IS_SURROGATE(c)) continue;
        // Decimal digits fold by numeric value in code; NFKC and diacritic folding run first, so
        // a scalar with any decomposition never reaches this table.
        if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) continue;
        UChar buffer[8];
        error = U_ZERO_ERROR;
        if (unorm2_getDecomposition(nfkd, c, buffer, 8, &error) >= 0) continue;
        char target[32];
        if (!fold(checker, c, raw, target, sizeof target)) continue;
        error = U_ZERO_ERROR;
        if (!raw && is_kept_out(uscript_getScript(c, &error))) {
            scriptDropped++;
            continue;
        }
        char entry[64];
        int n = snprintf(entry, sizeof entry, "(0x%04X, \"%s\"), ", (unsigned)c, target);
        if (onLine + n > 104) {
            used += (size_t)snprintf(entries + used, sizeof entries - used, "\n");
            onLine = 0;
        }
        if (onLine == 0) used += (size_t)snprintf(entries + used, sizeof entries - used, "        ");
        used += (size_t)snprintf(entries + used, sizeof entries - used, "%s", entry);
        onLine += n;
        kept++;
    }
    while (used > 0 && entries[used - 1] == ' ') entries[--used] = 0;
    UVersionInfo version;
    char icu[U_MAX_VERSION_STRING_LENGTH], unicode[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(version);
    u_versionToString(version, icu);
    u_getUnicodeVersion(version);
    u_versionToString(version, unicode);
    const char *name = raw ? "RawConfusablesTable" : "ConfusablesTable";
    printf("/// Look-alikes from Unicode's confusables data (UTS #39), mapped to lower-case ASCII.\n");
    printf("///\n");
    printf("/// Generated by `scripts/generate-confusables` from ICU %s (Unicode %s): do not edit; run the\n", icu, unicode);
    printf("/// script again after an ICU upgrade. Each scalar's confusable prototype (its ICU skeleton), with\n");
    printf("/// combining marks and apostrophes dropped (ł → l, Ɓ → 'B → b), where that is ASCII letters or digits.\n");
    if (raw) {
        printf("/// Raw: prototypes as UTS #39 gives them, lower-cased, every script. For measuring only.\n");
    } else {
        printf("/// Indonesian text needs three changes: prototypes that stand for other ASCII characters are\n");
        printf("/// undone (rn → m; a capital or caseless bar Ι І ꓲ is i, a small one l; in numbers O → 0, l → 1);\n");
        printf("/// decimal digits are left to the fold by numeric value; and %d look-alikes from scripts of real\n", scriptDropped);
        printf("/// text (Arabic, Hebrew, Brahmic, Thai, Han, …; see the script) are left out. `LookalikeTable`\n");
        printf("/// overrides this table and adds what it lacks. %d entries.\n", kept);
    }
    printf("enum %s {\n", name);
    printf("    static let entries: [(UInt32, String)] = [\n%s\n    ]\n}\n", entries);
    uspoof_close(checker);
    return 0;
}
