#include "TifaDictionaryData.h"

// Each bundled dictionary is pulled into the object file with the assembler's `.incbin`, so the
// binary carries its dictionaries wherever it is copied. TIFA_DICTIONARY_DIR is set by
// Package.swift to the package's own Dictionaries/ folder.
#ifndef TIFA_DICTIONARY_DIR
#error "TIFA_DICTIONARY_DIR must name the Dictionaries/ folder"
#endif

#if defined(__APPLE__)
#define TIFA_SECTION ".const_data"
#define TIFA_SYM(name) "_" #name
#else
#define TIFA_SECTION ".section .rodata"
#define TIFA_SYM(name) #name
#endif

#define TIFA_EMBED(name, file)                                                   \
    __asm__(TIFA_SECTION "\n"                                                    \
            ".balign 16\n"                                                       \
            ".globl " TIFA_SYM(name##_start) "\n" TIFA_SYM(name##_start) ":\n"   \
            ".incbin \"" TIFA_DICTIONARY_DIR "/" file "\"\n"                      \
            ".globl " TIFA_SYM(name##_end) "\n" TIFA_SYM(name##_end) ":\n"       \
            ".byte 0\n"                                                          \
            ".text\n");                                                          \
    extern const uint8_t name##_start[];                                         \
    extern const uint8_t name##_end[];

TIFA_EMBED(tifa_dict_general, "general.dict")
TIFA_EMBED(tifa_dict_political, "political.dict")
TIFA_EMBED(tifa_naming_grammar, "naming-grammar.txt")

static const struct {
    const char *name;
    const uint8_t *start;
    const uint8_t *end;
} files[] = {
    {"general.dict", tifa_dict_general_start, tifa_dict_general_end},
    {"political.dict", tifa_dict_political_start, tifa_dict_political_end},
    {"naming-grammar.txt", tifa_naming_grammar_start, tifa_naming_grammar_end},
};

int32_t tifa_dictionary_count(void) { return (int32_t)(sizeof files / sizeof files[0]); }

const char *tifa_dictionary_name(int32_t index) { return files[index].name; }

const uint8_t *tifa_dictionary_bytes(int32_t index) { return files[index].start; }

int64_t tifa_dictionary_length(int32_t index) { return (int64_t)(files[index].end - files[index].start); }
