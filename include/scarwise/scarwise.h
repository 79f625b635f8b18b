/* scarwise/scarwise.h — the C API of scarwise, for hosts written in C or bound from other
 * languages (Python ctypes/cffi, Go cgo, Rust, .NET, Java FFM).
 *
 * scarwise evaluates patient cases against YAML rule sets to support decisions about
 * microneedling (collagen induction therapy) for scars. It is decision support for trained
 * professionals, never a diagnosis.
 *
 *   scw_ruleset *rules = NULL;
 *   scw_engine *engine = NULL;
 *   scw_error *error = NULL;
 *   char *json = NULL;
 *   size_t json_len = 0;
 *   if (scw_ruleset_load_file(&rules, "rules/default", &error) != SCW_OK ||
 *       scw_engine_new(&engine, rules, &error) != SCW_OK ||
 *       scw_engine_evaluate(&json, &json_len, engine, case_text, case_len, 0, &error) != SCW_OK)
 *     fprintf(stderr, "%s\n", scw_error_message(error));
 *   else
 *     puts(json);
 *   scw_free(json); scw_error_free(error); scw_engine_free(engine); scw_ruleset_free(rules);
 *
 * Conventions:
 * - Handles are opaque. Every constructor has a matching _free, and every _free accepts NULL.
 * - Out-parameters come first. On failure they are set to NULL (or 0), so freeing them is
 *   always safe.
 * - Functions return SCW_OK (0) or a negative SCW_E* code. The last parameter of a fallible
 *   function, `error`, may be NULL. Otherwise it receives a new scw_error on failure (the
 *   message and every located diagnostic, as text and as JSON), which the caller frees with
 *   scw_error_free. It is set to NULL on success.
 * - Text goes in as a pointer and a length (no terminating NUL needed) and comes out as a
 *   NUL-terminated buffer plus its length. The caller frees such buffers with scw_free, and
 *   nothing else. Strings returned as `const char *` belong to the handle they came from.
 * - No C++ exception crosses this API.
 *
 * Cases go in as JSON, or as YAML with SCW_EVAL_CASE_YAML. Assessments come out as the
 * "scarwise.assessment/1" JSON contract, or as the clinician's text report with
 * SCW_EVAL_TEXT. The JSON formats are documented in docs/c-api.md and the README.
 *
 * Thread-safety: rule sets and engines are immutable. Any number of threads may call
 * scw_engine_evaluate on one engine at once. A handle must not be freed while another thread
 * uses it. An engine keeps its rules alive, so a rule set may be freed while engines built from
 * it are still in use. To reload rules, build a new engine and swap the pointer in the host.
 *
 * Stability: stable since 0.1. Functions are only ever added; a changed signature would get a
 * new name (scw_..._v2).
 */
#ifndef SCARWISE_SCARWISE_H
#define SCARWISE_SCARWISE_H

#include <scarwise/export.hpp>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Success. @since 0.1 */
#define SCW_OK 0
/** A required argument was NULL or a flag was unknown: a bug in the caller. The error's
 * message names the function and the argument ("scw_engine_evaluate: engine is NULL").
 * @since 0.1 */
#define SCW_EINVAL (-1)
/** The rule set did not load; the error lists every diagnostic. @since 0.1 */
#define SCW_ELOAD (-2)
/** The case was not valid JSON/YAML or did not fit the rule set's vocabulary. @since 0.1 */
#define SCW_ECASE (-3)
/** Memory ran out. @since 0.1 */
#define SCW_ENOMEM (-4)
/** An unexpected internal failure; please report it. @since 0.1 */
#define SCW_EINTERNAL (-5)

/** scw_engine_evaluate flag: add the explanation trace (every rule, every scar). @since 0.1 */
#define SCW_EVAL_EXPLAIN 1u
/** scw_engine_evaluate flag: return the text report instead of JSON. @since 0.1 */
#define SCW_EVAL_TEXT 2u
/** scw_engine_evaluate flag: the case text is YAML instead of JSON. @since 0.1 */
#define SCW_EVAL_CASE_YAML 4u
/** scw_engine_evaluate flag: the JSON record on one line, without layout; not together with
 * SCW_EVAL_TEXT. @since 0.1 */
#define SCW_EVAL_JSON_LINE 8u

/** A loaded, validated rule set. @since 0.1 */
typedef struct scw_ruleset scw_ruleset;
/** An evaluator bound to a rule set; thread-safe. @since 0.1 */
typedef struct scw_engine scw_engine;
/** What went wrong in a failed call. @since 0.1 */
typedef struct scw_error scw_error;

/** The library version, "MAJOR.MINOR.PATCH"; a static string. @since 0.1 */
SCARWISE_API const char *scw_version(void);
/** The library version as MAJOR * 10000 + MINOR * 100 + PATCH. @since 0.1 */
SCARWISE_API int scw_version_number(void);
/** A static, human-readable name for a status code ("SCW_ELOAD: ..."). @since 0.1 */
SCARWISE_API const char *scw_strerror(int code);

/** Loads the rule set whose root file is `path`, or `path`/ruleset.yaml for a directory, with
 * the default limits. On success *out is a new rule set to free with scw_ruleset_free.
 * @return SCW_OK, SCW_EINVAL, SCW_ELOAD, SCW_ENOMEM or SCW_EINTERNAL. @since 0.1 */
SCARWISE_API int scw_ruleset_load_file(scw_ruleset **out, const char *path, scw_error **error);

/** Loads a single-file rule set from `yaml` (`yaml_len` bytes; includes are not allowed).
 * `name` names it in diagnostics and may be NULL ("<memory>").
 * @return as scw_ruleset_load_file. @since 0.1 */
SCARWISE_API int scw_ruleset_load_string(scw_ruleset **out, const char *yaml, size_t yaml_len,
                                         const char *name, scw_error **error);

/** Frees a rule set; NULL is a no-op. Engines built from it stay valid. @since 0.1 */
SCARWISE_API void scw_ruleset_free(scw_ruleset *ruleset);

/** The rule set's id, version and "sha256:<hex>" digest. The strings belong to the rule set.
 * NULL when `ruleset` is NULL. @since 0.1 */
SCARWISE_API const char *scw_ruleset_id(const scw_ruleset *ruleset);
/** See scw_ruleset_id. @since 0.1 */
SCARWISE_API const char *scw_ruleset_version(const scw_ruleset *ruleset);
/** See scw_ruleset_id. @since 0.1 */
SCARWISE_API const char *scw_ruleset_digest(const scw_ruleset *ruleset);
/** The warnings of the load as a JSON array of diagnostics (see scw_error_diagnostics_json);
 * "[]" when there are none. Belongs to the rule set. @since 0.1 */
SCARWISE_API const char *scw_ruleset_warnings_json(const scw_ruleset *ruleset);

/** The rule set's declared facts, in declaration order, as a JSON array in *out: a
 * NUL-terminated buffer of *out_len bytes (without the NUL) to free with scw_free. `out_len`
 * may be NULL. Each fact is an object with "name" ("patient.fitzpatrick"), "scope" ("patient"
 * or "scar"), "key" (the name a case gives it under its scope), "type" ("bool", "int",
 * "number", "enum" or "set"), "min" and "max" (numbers, or null), "values" (the enum or set
 * values, [] for other types), "required" (true or false), "default" (a value of the fact's
 * type, or null when none is declared) and "doc" (a string, "" when undocumented). A host can
 * build its intake form from it. docs/c-api.md shows an example.
 * @return SCW_OK, SCW_EINVAL, SCW_ENOMEM or SCW_EINTERNAL. @since 0.2 */
SCARWISE_API int scw_ruleset_facts_json(char **out, size_t *out_len, const scw_ruleset *ruleset,
                                        scw_error **error);

/** Builds an engine for `ruleset`. On success *out is a new engine to free with
 * scw_engine_free. @return SCW_OK, SCW_EINVAL, SCW_ENOMEM or SCW_EINTERNAL. @since 0.1 */
SCARWISE_API int scw_engine_new(scw_engine **out, const scw_ruleset *ruleset, scw_error **error);

/** Frees an engine; NULL is a no-op. @since 0.1 */
SCARWISE_API void scw_engine_free(scw_engine *engine);

/** Evaluates one case (`case_text`, `case_len` bytes) and returns the assessment in *out, a
 * NUL-terminated buffer of *out_len bytes (without the NUL) to free with scw_free. `out_len`
 * may be NULL. `flags` combines SCW_EVAL_* values. An unknown fact in a valid case is treated
 * as unknown, never as false: the assessment then says it is incomplete.
 * @return SCW_OK, SCW_EINVAL, SCW_ECASE, SCW_ENOMEM or SCW_EINTERNAL. @since 0.1 */
SCARWISE_API int scw_engine_evaluate(char **out, size_t *out_len, const scw_engine *engine,
                                     const char *case_text, size_t case_len, unsigned flags,
                                     scw_error **error);

/** Checks one case (`case_text`, `case_len` bytes) against the engine's rule set without
 * evaluating it: SCW_OK when scw_engine_evaluate would accept it, otherwise SCW_ECASE with
 * every diagnostic in the error, exactly as scw_engine_evaluate reports them. `flags` are
 * those of scw_engine_evaluate; only SCW_EVAL_CASE_YAML changes what is checked.
 * @return SCW_OK, SCW_EINVAL, SCW_ECASE, SCW_ENOMEM or SCW_EINTERNAL. @since 0.2 */
SCARWISE_API int scw_engine_validate(const scw_engine *engine, const char *case_text,
                                     size_t case_len, unsigned flags, scw_error **error);

/** Frees a buffer returned by this API; NULL is a no-op. @since 0.1 */
SCARWISE_API void scw_free(void *buffer);

/** The status code the error was returned with. @since 0.1 */
SCARWISE_API int scw_error_code(const scw_error *error);
/** A readable account: one line per diagnostic ("file:line:col: error[CODE]: message", then
 * "  hint: ..."), or a single sentence when there are none. Belongs to the error; "" for NULL.
 * @since 0.1 */
SCARWISE_API const char *scw_error_message(const scw_error *error);
/** The diagnostics as a JSON array of objects with "severity" ("error" or "warning"), "code",
 * "file", "line", "column" (1-based, 0 when unknown), "message" and "hint". Belongs to the
 * error; "[]" for NULL or when there are none. @since 0.1 */
SCARWISE_API const char *scw_error_diagnostics_json(const scw_error *error);
/** Frees an error; NULL is a no-op. @since 0.1 */
SCARWISE_API void scw_error_free(scw_error *error);

#ifdef __cplusplus
}
#endif

#endif /* SCARWISE_SCARWISE_H */
