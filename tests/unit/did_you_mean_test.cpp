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
