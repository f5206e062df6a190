/*
 * probe.c — measures whether Hyperscan, compiled in prefilter mode with every rule pattern in
 * one database, could find the places worth running PCRE2 at, faster than running every rule.
 *
 * Not part of the product. One thread. Build and run with ./run (see there).
 *
 *   probe RULES.txt CORPUS.bin [--all-rules] [--window N] [--per-rule N]
 *
 * RULES.txt and CORPUS.bin are written by expand.py. By default latent rules are left out, as
 * the extractor skips them unless asked to keep latent mentions; --all-rules includes them.
 *
 * Measurements (each over every document of the corpus, held in memory):
 *   (a) Hyperscan alone: one hs_scan per document, with a database of all the patterns
 *       (HS_FLAG_PREFILTER | HS_FLAG_UTF8 [| HS_FLAG_CASELESS] [| HS_FLAG_ALLOWEMPTY]), once
 *       reporting every match end and once with HS_FLAG_SINGLEMATCH (one report per rule).
 *   (b) PCRE2 baseline: every rule, JIT-compiled with the engine's options, as a find-all
 *       loop over the whole document (the extractor's --no-prefilter rule stage).
 *   (c1) document gate: the SINGLEMATCH scan, then (b)'s loop only for the rules Hyperscan
 *       reported in the document (and for any rule Hyperscan could not compile).
 *   (c2) region gate: the all-ends scan, then for each rule a PCRE2 search that starts at most
 *       W bytes before the next reported end and may only start at or before that end. W is the
 *       pattern's maximum match width when it has one (exact); for patterns of unbounded width
 *       it is --window (default 256), which can miss a match longer than W: the run reports
 *       every difference from (b). --window 0 means no window for those patterns (exact).
 * (c1) and (c2) must find exactly (b)'s matches (rule, start, end) if the prefilter is a
 * superset of PCRE2's matches; every difference is reported.
 * --per-rule N also compiles each pattern alone and lists the N whose Hyperscan scan (every
 * match end) is slowest, with their PCRE2 find-all time, to see what makes the scan slow.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <hs/hs.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The engine's per-thread limits (Sources/PCRE2Kit/Pattern.swift, MatchScratch). */
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT_KIB (256 * 1024)

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) { fprintf(stderr, "out of memory\n"); exit(1); }
    return p;
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) { fprintf(stderr, "out of memory\n"); exit(1); }
    return p;
}

/* ---------------------------------------------------------------------------------------- */
/* Input */

typedef struct {
    char id[128];
    int caseless, latent;
    char *pattern, *relaxed;
    pcre2_code *code;
    int hs_ok;            /* 1: in the Hyperscan databases */
    int hs_relaxed;       /* 1: with the relaxed pattern */
    unsigned hs_flags;
    unsigned max_width;   /* Hyperscan's maximum match width in bytes, UINT_MAX if unbounded */
    char hs_error[256];   /* why the pattern itself was rejected, if it was */
} Rule;

static Rule *rules;
static int nrules;

static char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "%s: %s\n", path, strerror(errno)); exit(1); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = xmalloc(n + 1);
    if (fread(buf, 1, n, f) != (size_t)n) { fprintf(stderr, "%s: short read\n", path); exit(1); }
    buf[n] = 0;
    fclose(f);
    *size = n;
    return buf;
}

/* rules.txt: "<id> <flags> <len> <relaxed len>\n<pattern>\n<relaxed>\n" per rule. */
static void load_rules(const char *path, int all) {
    size_t size;
    char *buf = read_file(path, &size), *p = buf, *end = buf + size;
    rules = xmalloc(sizeof(Rule) * 1024);
    while (p < end) {
        Rule r;
        memset(&r, 0, sizeof r);
        char flags[8];
        size_t len, rlen;
        int used = 0;
        if (sscanf(p, "%127s %7s %zu %zu\n%n", r.id, flags, &len, &rlen, &used) != 4 || used == 0) {
            fprintf(stderr, "%s: bad record\n", path);
            exit(1);
        }
        p += used;
        r.caseless = strchr(flags, 'i') != NULL;
        r.latent = strchr(flags, 'l') != NULL;
        r.pattern = xmalloc(len + 1);
        memcpy(r.pattern, p, len); r.pattern[len] = 0; p += len + 1;
        r.relaxed = xmalloc(rlen + 1);
        memcpy(r.relaxed, p, rlen); r.relaxed[rlen] = 0; p += rlen + 1;
        if (r.latent && !all) continue;
        if (nrules == 1024) { fprintf(stderr, "too many rules\n"); exit(1); }
        rules[nrules++] = r;
    }
    free(buf);
}

typedef struct { const unsigned char *text; uint32_t len; } Doc;
static Doc *docs;
static int ndocs;
static size_t total_bytes;

/* CORPUS.bin: little-endian u32 length + UTF-8 bytes, per document. */
static void load_corpus(const char *path) {
    size_t size;
    char *buf = read_file(path, &size), *p = buf, *end = buf + size;
    int cap = 1024;
    docs = xmalloc(sizeof(Doc) * cap);
    while (p + 4 <= end) {
        uint32_t n;
        memcpy(&n, p, 4);
        p += 4;
        if (ndocs == cap) { cap *= 2; docs = xrealloc(docs, sizeof(Doc) * cap); }
        docs[ndocs].text = (const unsigned char *)p;
        docs[ndocs].len = n;
        ndocs++;
        total_bytes += n;
        p += n;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Matches found, to compare the runs */

typedef struct { uint32_t doc, rule, start, end; } Hit;
typedef struct { Hit *v; size_t n, cap; long errors; } Hits;

static void add_hit(Hits *h, uint32_t doc, uint32_t rule, size_t s, size_t e) {
    if (h->n == h->cap) { h->cap = h->cap ? h->cap * 2 : 1 << 16; h->v = xrealloc(h->v, h->cap * sizeof(Hit)); }
    h->v[h->n++] = (Hit){doc, rule, (uint32_t)s, (uint32_t)e};
}

/* Prints how `got` differs from `want` (both in document, rule, position order). */
static long compare(const char *name, const Hits *want, const Hits *got) {
    size_t i = 0, j = 0;
    long missing = 0, extra = 0, shown = 0;
    while (i < want->n || j < got->n) {
        int c;
        if (i == want->n) c = 1;
        else if (j == got->n) c = -1;
        else {
            const Hit *a = &want->v[i], *b = &got->v[j];
            c = a->doc != b->doc ? (a->doc < b->doc ? -1 : 1)
              : a->rule != b->rule ? (a->rule < b->rule ? -1 : 1)
              : a->start != b->start ? (a->start < b->start ? -1 : 1)
              : a->end != b->end ? (a->end < b->end ? -1 : 1) : 0;
        }
        if (c == 0) { i++; j++; continue; }
        const Hit *h = c < 0 ? &want->v[i++] : &got->v[j++];
        if (c < 0) missing++; else extra++;
        if (shown++ < 5)
            printf("    %s %s: doc %u rule %s [%u,%u)\n", name, c < 0 ? "misses" : "adds", h->doc,
                   rules[h->rule].id, h->start, h->end);
    }
    printf("  %s vs (b): %s (%ld missing, %ld extra; match-limit errors %ld vs %ld)\n", name,
           missing || extra ? "DIFFERENT" : "identical", missing, extra, got->errors, want->errors);
    return missing + extra;
}

/* ---------------------------------------------------------------------------------------- */
/* PCRE2 */

static pcre2_match_data *md;
static pcre2_match_context *mctx;

static void compile_pcre2(void) {
    double t0 = now();
    int failed = 0;
    for (int i = 0; i < nrules; i++) {
        int err;
        PCRE2_SIZE off;
        uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C | PCRE2_USE_OFFSET_LIMIT
                      | (rules[i].caseless ? PCRE2_CASELESS : 0);
        rules[i].code = pcre2_compile((PCRE2_SPTR)rules[i].pattern, PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
        if (!rules[i].code) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(err, msg, sizeof msg);
            printf("  PCRE2 REJECTS %s: %s at offset %zu\n", rules[i].id, (char *)msg, (size_t)off);
            failed++;
            continue;
        }
        if (pcre2_jit_compile(rules[i].code, PCRE2_JIT_COMPLETE) != 0)
            printf("  PCRE2 JIT failed for %s (interpreter used)\n", rules[i].id);
    }
    if (failed) { printf("%d patterns do not compile with PCRE2\n", failed); exit(1); }
    printf("PCRE2: %d patterns compiled and JIT-compiled in %.3f s\n", nrules, now() - t0);
    md = pcre2_match_data_create(200, NULL);
    mctx = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(mctx, DEPTH_LIMIT);
    pcre2_set_heap_limit(mctx, HEAP_LIMIT_KIB);
    pcre2_jit_stack *js = pcre2_jit_stack_create(64 * 1024, 4 * 1024 * 1024, NULL);
    pcre2_jit_stack_assign(mctx, NULL, js);
}

/* The extractor's find-all loop (Pattern.forEachMatch): non-overlapping matches left to right;
 * after an empty match the search moves on by one UTF-8 character. A match-limit error ends
 * the rule's loop in this document, as the extractor does. */
static void find_all(int r, uint32_t d, Hits *out) {
    const unsigned char *s = docs[d].text;
    size_t len = docs[d].len, off = 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    while (off <= len) {
        int rc = pcre2_jit_match(rules[r].code, s, len, off, 0, md, mctx);
        if (rc == PCRE2_ERROR_NOMATCH) return;
        if (rc < 0) { out->errors++; return; }
        add_hit(out, d, r, ov[0], ov[1]);
        if (ov[1] > ov[0]) off = ov[1];
        else {
            off = ov[1] + 1;
            while (off < len && (s[off] & 0xC0) == 0x80) off++;
        }
    }
}

static double report(const char *name, double secs, size_t matches) {
    printf("  %-44s %8.3f s %9.2f MB/s  %9zu matches\n", name, secs, total_bytes / secs / 1e6, matches);
    return secs;
}

/* ---------------------------------------------------------------------------------------- */
/* Hyperscan */

static hs_database_t *db_all, *db_single;
static hs_scratch_t *scratch;
static int *hs_ids;   /* Hyperscan expression id -> rule index */
static int nhs;

static int hs_try(const char *pattern, unsigned flags, char *why, size_t whylen) {
    hs_database_t *db = NULL;
    hs_compile_error_t *err = NULL;
    if (hs_compile(pattern, flags, HS_MODE_BLOCK, NULL, &db, &err) == HS_SUCCESS) {
        hs_free_database(db);
        return 1;
    }
    snprintf(why, whylen, "%s (expression offset %d)", err->message, err->expression);
    hs_free_compile_error(err);
    return 0;
}

static void compile_hyperscan(void) {
    printf("Hyperscan %s\n", hs_version());
    double t0 = now();
    int relaxed = 0, rejected = 0, allow_empty = 0;
    for (int i = 0; i < nrules; i++) {
        Rule *r = &rules[i];
        unsigned base = HS_FLAG_PREFILTER | HS_FLAG_UTF8 | (r->caseless ? HS_FLAG_CASELESS : 0);
        char why[256];
        /* The pattern as written; with HS_FLAG_ALLOWEMPTY only if it can match the empty string. */
        const char *tries[2] = {r->pattern, r->relaxed};
        for (int t = 0; t < 2 && !r->hs_ok; t++) {
            for (int e = 0; e < 2 && !r->hs_ok; e++) {
                unsigned f = base | (e ? HS_FLAG_ALLOWEMPTY : 0);
                if (hs_try(tries[t], f, why, sizeof why)) {
                    r->hs_ok = 1; r->hs_relaxed = t; r->hs_flags = f;
                } else if (t == 0 && e == 0) {
                    snprintf(r->hs_error, sizeof r->hs_error, "%s", why);
                }
            }
        }
        if (!r->hs_ok) {
            rejected++;
            printf("  Hyperscan REJECTS %s even relaxed: %s\n", r->id, why);
            continue;
        }
        if (r->hs_relaxed) {
            relaxed++;
            printf("  Hyperscan rejects %s as written (%s); relaxed pattern used\n", r->id, r->hs_error);
        }
        if (r->hs_flags & HS_FLAG_ALLOWEMPTY) allow_empty++;
        hs_expr_info_t *info = NULL;
        hs_compile_error_t *err = NULL;
        r->max_width = 0xFFFFFFFFu;
        if (hs_expression_info(r->hs_relaxed ? r->relaxed : r->pattern, r->hs_flags, &info, &err) == HS_SUCCESS) {
            r->max_width = info->max_width;
            free(info);
        } else {
            hs_free_compile_error(err);
        }
    }
    double each = now() - t0;
    int bounded = 0;
    for (int i = 0; i < nrules; i++) bounded += rules[i].hs_ok && rules[i].max_width != 0xFFFFFFFFu;
    printf("  %d of %d patterns accepted (%d only relaxed, %d rejected, %d need HS_FLAG_ALLOWEMPTY); "
           "%d of bounded width; one by one in %.3f s\n",
           nrules - rejected, nrules, relaxed, rejected, allow_empty, bounded, each);

    const char **exprs = xmalloc(sizeof(char *) * nrules);
    unsigned *flags = xmalloc(sizeof(unsigned) * nrules), *ids = xmalloc(sizeof(unsigned) * nrules);
    hs_ids = xmalloc(sizeof(int) * nrules);
    for (int i = 0; i < nrules; i++) {
        if (!rules[i].hs_ok) continue;
        exprs[nhs] = rules[i].hs_relaxed ? rules[i].relaxed : rules[i].pattern;
        flags[nhs] = rules[i].hs_flags;
        ids[nhs] = nhs;
        hs_ids[nhs++] = i;
    }
    for (int single = 0; single < 2; single++) {
        hs_database_t **db = single ? &db_single : &db_all;
        hs_compile_error_t *err = NULL;
        if (single) for (int k = 0; k < nhs; k++) flags[k] |= HS_FLAG_SINGLEMATCH;
        double t1 = now();
        if (hs_compile_multi(exprs, flags, ids, nhs, HS_MODE_BLOCK, NULL, db, &err) != HS_SUCCESS) {
            printf("hs_compile_multi failed: %s (expression %d)\n", err->message, err->expression);
            exit(1);
        }
        double secs = now() - t1;
        size_t size = 0;
        hs_database_size(*db, &size);
        printf("  hs_compile_multi%-19s %8.3f s, database %zu bytes\n",
               single ? " (SINGLEMATCH):" : ":", secs, size);
        if (hs_alloc_scratch(*db, &scratch) != HS_SUCCESS) { printf("hs_alloc_scratch failed\n"); exit(1); }
    }
    size_t ssize = 0;
    hs_scratch_size(scratch, &ssize);
    printf("  scratch %zu bytes\n", ssize);
}

/* Per-document scan state. */
static unsigned char *seen;    /* rule -> reported in this document (SINGLEMATCH scan) */
static long callbacks;
typedef struct { uint32_t rule, end; } End;
static End *ends;
static size_t nends, ends_cap;

static int on_count(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx) {
    (void)id; (void)from; (void)to; (void)flags; (void)ctx;
    callbacks++;
    return 0;
}

static int on_seen(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx) {
    (void)from; (void)to; (void)flags; (void)ctx;
    callbacks++;
    seen[hs_ids[id]] = 1;
    return 0;
}

static int on_end(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx) {
    (void)from; (void)flags; (void)ctx;
    callbacks++;
    if (nends == ends_cap) { ends_cap = ends_cap ? ends_cap * 2 : 4096; ends = xrealloc(ends, ends_cap * sizeof(End)); }
    ends[nends++] = (End){(uint32_t)hs_ids[id], (uint32_t)to};
    return 0;
}

static int by_rule_end(const void *a, const void *b) {
    const End *x = a, *y = b;
    if (x->rule != y->rule) return x->rule < y->rule ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

static void scan(hs_database_t *db, uint32_t d, match_event_handler cb) {
    const char *text = docs[d].len ? (const char *)docs[d].text : "";
    if (hs_scan(db, text, docs[d].len, 0, scratch, cb, NULL) != HS_SUCCESS) {
        printf("hs_scan failed in document %u\n", d);
        exit(1);
    }
}

/* (c2) for one rule in one document: `e`, `n` are the reported ends, ascending. */
static void find_in_regions(int r, uint32_t d, const End *e, size_t n, unsigned window, Hits *out, long *searches) {
    const unsigned char *s = docs[d].text;
    size_t len = docs[d].len, pos = 0, k = 0;
    unsigned w = rules[r].max_width != 0xFFFFFFFFu ? rules[r].max_width : window; /* 0: none */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    while (k < n) {
        while (k < n && e[k].end < pos) k++;   /* a match found from pos ends at or after pos */
        if (k == n) break;
        size_t end = e[k].end;
        size_t from = (w == 0 || end < w) ? 0 : end - w;
        if (from < pos) from = pos;
        while (from < len && (s[from] & 0xC0) == 0x80) from++;
        /* The next match from pos ends at a reported end >= `end`, so (within the width) it
         * starts at or after `from`; ask only for a match starting at or before `end`. */
        pcre2_set_offset_limit(mctx, end);
        int rc = pcre2_jit_match(rules[r].code, s, len, from, 0, md, mctx);
        (*searches)++;
        if (rc >= 0) {
            add_hit(out, d, r, ov[0], ov[1]);
            if (ov[1] > ov[0]) pos = ov[1];
            else { pos = ov[1] + 1; while (pos < len && (s[pos] & 0xC0) == 0x80) pos++; }
        } else if (rc == PCRE2_ERROR_NOMATCH) {
            pos = end + 1;         /* no match starts in [pos, end] */
            while (pos < len && (s[pos] & 0xC0) == 0x80) pos++;
            k++;
        } else {
            out->errors++;
            break;
        }
    }
    pcre2_set_offset_limit(mctx, PCRE2_UNSET);
}

/* --per-rule: each pattern in a database of its own, scanned over the corpus, against its
 * own PCRE2 find-all loop. */
typedef struct { int rule; double hs, pcre; long ends; size_t matches; } RuleTime;

static int by_hs_time(const void *a, const void *b) {
    const RuleTime *x = a, *y = b;
    return x->hs < y->hs ? 1 : x->hs > y->hs ? -1 : 0;
}

static void per_rule(int top) {
    RuleTime *t = xmalloc(sizeof(RuleTime) * nrules);
    double sum = 0;
    int n = 0;
    for (int r = 0; r < nrules; r++) {
        if (!rules[r].hs_ok) continue;
        hs_database_t *db = NULL;
        hs_compile_error_t *err = NULL;
        if (hs_compile(rules[r].hs_relaxed ? rules[r].relaxed : rules[r].pattern, rules[r].hs_flags,
                       HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) { hs_free_compile_error(err); continue; }
        hs_scratch_t *s1 = NULL;
        hs_alloc_scratch(db, &s1);
        callbacks = 0;
        double t0 = now();
        for (int d = 0; d < ndocs; d++)
            hs_scan(db, docs[d].len ? (const char *)docs[d].text : "", docs[d].len, 0, s1, on_count, NULL);
        double hs = now() - t0;
        long ends_here = callbacks;
        Hits h = {0};
        t0 = now();
        for (int d = 0; d < ndocs; d++) find_all(r, d, &h);
        t[n++] = (RuleTime){r, hs, now() - t0, ends_here, h.n};
        sum += hs;
        free(h.v);
        hs_free_scratch(s1);
        hs_free_database(db);
    }
    qsort(t, n, sizeof(RuleTime), by_hs_time);
    printf("Per rule (each pattern alone; the sum of the Hyperscan scans is %.3f s):\n", sum);
    printf("  %-34s %9s %9s %10s %9s %8s\n", "rule", "HS s", "PCRE2 s", "HS ends", "matches", "width");
    for (int i = 0; i < n && i < top; i++) {
        const Rule *r = &rules[t[i].rule];
        char w[16];
        if (r->max_width == 0xFFFFFFFFu) snprintf(w, sizeof w, "inf"); else snprintf(w, sizeof w, "%u", r->max_width);
        printf("  %-34s %9.3f %9.3f %10ld %9zu %8s%s\n", r->id, t[i].hs, t[i].pcre, t[i].ends, t[i].matches, w,
               r->hs_relaxed ? " (relaxed)" : "");
    }
    free(t);
}

/* ---------------------------------------------------------------------------------------- */

int main(int argc, char **argv) {
    int all = 0, top = 0;
    unsigned window = 256;
    const char *rules_path = NULL, *corpus_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--all-rules")) all = 1;
        else if (!strcmp(argv[i], "--window") && i + 1 < argc) window = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--per-rule") && i + 1 < argc) top = atoi(argv[++i]);
        else if (!rules_path) rules_path = argv[i];
        else corpus_path = argv[i];
    }
    if (!rules_path || !corpus_path) {
        fprintf(stderr, "usage: probe RULES.txt CORPUS.bin [--all-rules] [--window N] [--per-rule N]\n");
        return 2;
    }
    load_rules(rules_path, all);
    load_corpus(corpus_path);
    printf("%d rules (%s), %d documents, %.2f MB of text, window %u\n", nrules,
           all ? "latent included" : "latent left out, as the extractor does", ndocs, total_bytes / 1e6, window);
    compile_pcre2();
    compile_hyperscan();
    seen = xmalloc(nrules);

    printf("Scans (one thread):\n");
    /* (a) */
    callbacks = 0;
    double t0 = now();
    for (int d = 0; d < ndocs; d++) scan(db_all, d, on_count);
    double ta = now() - t0;
    printf("  %-44s %8.3f s %9.2f MB/s  %9ld callbacks\n", "(a) Hyperscan, every match end", ta, total_bytes / ta / 1e6, callbacks);
    callbacks = 0;
    t0 = now();
    for (int d = 0; d < ndocs; d++) scan(db_single, d, on_count);
    ta = now() - t0;
    printf("  %-44s %8.3f s %9.2f MB/s  %9ld callbacks\n", "(a) Hyperscan, SINGLEMATCH", ta, total_bytes / ta / 1e6, callbacks);

    /* The same scan over all documents laid end to end in one call: the throughput of the
     * automata without the cost of starting a scan per document (matches across document
     * boundaries make the count differ slightly; it is not used for anything). */
    {
        unsigned char *all_text = xmalloc(total_bytes);
        size_t at = 0;
        for (int d = 0; d < ndocs; d++) { memcpy(all_text + at, docs[d].text, docs[d].len); at += docs[d].len; }
        callbacks = 0;
        t0 = now();
        if (hs_scan(db_all, (const char *)all_text, (unsigned)total_bytes, 0, scratch, on_count, NULL) != HS_SUCCESS) {
            printf("hs_scan failed\n");
            exit(1);
        }
        ta = now() - t0;
        printf("  %-44s %8.3f s %9.2f MB/s  %9ld callbacks\n", "(a) Hyperscan, every end, one buffer", ta,
               total_bytes / ta / 1e6, callbacks);
        free(all_text);
    }

    /* (b) */
    Hits base = {0};
    t0 = now();
    for (int d = 0; d < ndocs; d++)
        for (int r = 0; r < nrules; r++) find_all(r, d, &base);
    report("(b) PCRE2, every rule over every document", now() - t0, base.n);

    /* (c1) */
    Hits gated = {0};
    long pairs = 0, pairs_matched = 0;
    callbacks = 0;
    t0 = now();
    for (int d = 0; d < ndocs; d++) {
        memset(seen, 0, nrules);
        scan(db_single, d, on_seen);
        for (int r = 0; r < nrules; r++)
            if (seen[r] || !rules[r].hs_ok) { pairs++; find_all(r, d, &gated); }
    }
    report("(c1) Hyperscan + PCRE2 per document", now() - t0, gated.n);
    for (size_t i = 0; i < base.n; i++)
        if (i == 0 || base.v[i].doc != base.v[i - 1].doc || base.v[i].rule != base.v[i - 1].rule) pairs_matched++;
    printf("       (rule, document) pairs: %ld run of %ld (%.1f%%); %ld have a match\n", pairs,
           (long)ndocs * nrules, 100.0 * pairs / ((double)ndocs * nrules), pairs_matched);

    /* (c2) */
    Hits regional = {0};
    long searches = 0;
    size_t total_ends = 0;
    callbacks = 0;
    t0 = now();
    for (int d = 0; d < ndocs; d++) {
        nends = 0;
        scan(db_all, d, on_end);
        total_ends += nends;
        qsort(ends, nends, sizeof(End), by_rule_end);
        size_t i = 0;
        for (int r = 0; r < nrules; r++) {
            if (!rules[r].hs_ok) { find_all(r, d, &regional); continue; }
            size_t j = i;
            while (j < nends && ends[j].rule == (uint32_t)r) j++;
            if (j > i) find_in_regions(r, d, ends + i, j - i, window, &regional, &searches);
            i = j;
        }
    }
    report("(c2) Hyperscan + PCRE2 per reported end", now() - t0, regional.n);
    printf("       %zu ends reported, %ld PCRE2 searches\n", total_ends, searches);

    printf("Check against (b):\n");
    long diff = compare("(c1)", &base, &gated);
    long diff2 = compare("(c2)", &base, &regional);
    if (top > 0) per_rule(top);
    return diff ? 1 : (diff2 ? 3 : 0);
}
