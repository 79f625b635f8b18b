/* A minimal C host: load a rule set, read a case file, print the assessment.
 *
 *   assess_case_c RULES CASE [--text] [--explain]
 *   assess_case_c RULES --facts
 *
 * --facts prints the facts the rule set declares, as the JSON array a host builds its intake
 * form from.
 *
 * CASE is JSON, or YAML when its name ends in .yaml or .yml. The assessment is printed as the
 * "scarwise.assessment/1" JSON record, or as the clinician's report with --text. Exit status:
 * 0 assessed, 2 bad usage, rules or case. It uses only scarwise/scarwise.h.
 */
#include <scarwise/scarwise.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a whole file into a malloc'd buffer; returns NULL on failure. */
static char* read_file(const char* path, size_t* length) {
  FILE* file = fopen(path, "rb");
  char* text = NULL;
  long size;
  if (file == NULL) return NULL;
  if (fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0) {
    text = malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, file) != (size_t)size) {
      free(text);
      text = NULL;
    }
    if (text != NULL) {
      text[size] = '\0';
      *length = (size_t)size;
    }
  }
  fclose(file);
  return text;
}

static int ends_with(const char* text, const char* suffix) {
  size_t n = strlen(text), m = strlen(suffix);
  return n >= m && strcmp(text + n - m, suffix) == 0;
}

/* Prints the rule set's facts as JSON; returns the exit status. */
static int print_facts(const char* rules_path) {
  scw_ruleset* rules = NULL;
  scw_error* error = NULL;
  char* facts = NULL;
  size_t facts_len = 0;
  int status = 2;
  if (scw_ruleset_load_file(&rules, rules_path, &error) != SCW_OK ||
      scw_ruleset_facts_json(&facts, &facts_len, rules, &error) != SCW_OK) {
    fprintf(stderr, "%s\n%s", scw_strerror(scw_error_code(error)), scw_error_message(error));
  } else {
    fwrite(facts, 1, facts_len, stdout);
    putchar('\n');
    status = 0;
  }
  scw_free(facts);
  scw_error_free(error);
  scw_ruleset_free(rules);
  return status;
}

int main(int argc, char** argv) {
  scw_ruleset* rules = NULL;
  scw_engine* engine = NULL;
  scw_error* error = NULL;
  char *case_text = NULL, *assessment = NULL;
  size_t case_len = 0, assessment_len = 0;
  unsigned flags = 0;
  int i, status = 2;

  if (argc < 3) {
    fprintf(stderr, "usage: assess_case_c RULES CASE [--text] [--explain] | RULES --facts\n");
    return 2;
  }
  if (strcmp(argv[2], "--facts") == 0) return print_facts(argv[1]);
  for (i = 3; i < argc; ++i) {
    if (strcmp(argv[i], "--text") == 0) flags |= SCW_EVAL_TEXT;
    if (strcmp(argv[i], "--explain") == 0) flags |= SCW_EVAL_EXPLAIN;
  }
  if (ends_with(argv[2], ".yaml") || ends_with(argv[2], ".yml")) flags |= SCW_EVAL_CASE_YAML;

  case_text = read_file(argv[2], &case_len);
  if (case_text == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[2]);
  } else if (scw_ruleset_load_file(&rules, argv[1], &error) != SCW_OK ||
             scw_engine_new(&engine, rules, &error) != SCW_OK ||
             scw_engine_evaluate(&assessment, &assessment_len, engine, case_text, case_len, flags,
                                 &error) != SCW_OK) {
    fprintf(stderr, "%s\n%s", scw_strerror(scw_error_code(error)), scw_error_message(error));
  } else {
    fwrite(assessment, 1, assessment_len, stdout);
    status = 0;
  }

  scw_free(assessment);
  scw_error_free(error);
  scw_engine_free(engine);
  scw_ruleset_free(rules);
  free(case_text);
  return status;
}
