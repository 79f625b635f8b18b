#include <catch2/catch.hpp>

#include "support/did_you_mean.hpp"

using scarwise::internal::closest_match;
using scarwise::internal::did_you_mean;
using scarwise::internal::edit_distance;

TEST_CASE("edit distance counts insertions, deletions, substitutions and transpositions",
          "[support]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("when", "when") == 0);
  CHECK(edit_distance("whe", "when") == 1);
  CHECK(edit_distance("whenn", "when") == 1);
  CHECK(edit_distance("whan", "when") == 1);
  CHECK(edit_distance("whne", "when") == 1);  // adjacent transposition
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("did-you-mean suggests only plausible typos", "[support]") {
  const std::vector<std::string> keys = {"id", "title", "priority", "when", "then", "evidence"};
  CHECK(did_you_mean("whne", keys) == "did you mean 'when'?");
  CHECK(did_you_mean("evidance", keys) == "did you mean 'evidence'?");
  CHECK(did_you_mean("colour", keys).empty());
  CHECK(did_you_mean("colour", keys, "allowed: id, title") == "allowed: id, title");
  CHECK(closest_match("boxcars", {"ice_pick", "boxcar", "rolling"}) == "boxcar");
  CHECK(closest_match("x", {}).empty());
}

TEST_CASE("did-you-mean prefers whole words to spelling", "[support]") {
  const std::vector<std::string> verdicts = {"suitable", "suitable_with_caution", "defer",
                                             "not_suitable"};
  // One letter pair from "suitable", but it means "not_suitable".
  CHECK(did_you_mean("unsuitable", verdicts) == "did you mean 'not_suitable'?");
  CHECK(did_you_mean("nonsuitable", verdicts) == "did you mean 'not_suitable'?");
  CHECK(did_you_mean("caution", verdicts) == "did you mean 'suitable_with_caution'?");
  // A word of several candidates goes to the one that does not negate it, then the shortest.
  CHECK(closest_match("suitable", {"not_suitable", "suitable_with_caution", "suitable_now"}) ==
        "suitable_now");
  CHECK(closest_match("depth", {"needle_depth_mm", "depth_mm"}) == "depth_mm");
  CHECK(closest_match("pick", {"boxcar", "ice_pick"}) == "ice_pick");
  // A prefix alone is no word, and a stem without a negating candidate suggests nothing by it.
  CHECK(closest_match("unknown", {"not_suitable"}).empty());
  CHECK(closest_match("unsure", {"sure", "certain"}).empty());
  // Nor does spelling suggest the word a negated word is the opposite of.
  CHECK(closest_match("unsuitable", {"suitable", "defer"}).empty());
  // Typos still go by spelling.
  CHECK(did_you_mean("suitabel", verdicts) == "did you mean 'suitable'?");
  CHECK(did_you_mean("not_suitabel", verdicts) == "did you mean 'not_suitable'?");
}
