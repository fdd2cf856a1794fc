#include "aggregate/summarize.h"

#include <gtest/gtest.h>

using aggregate::Missing;
using aggregate::TargetStatus;

namespace {

model::Definition make_definition() {
  model::Definition d;
  d.id = "t";
  for (const auto& [id, kind] : {std::pair{"total", model::InputKind::count},
                                 std::pair{"part", model::InputKind::count},
                                 std::pair{"doc", model::InputKind::yesno}}) {
    model::InputDef in;
    in.id = id;
    in.kind = kind;
    d.inputs.push_back(in);
  }
  model::IndicatorDef share;
  share.id = "share";
  share.kind = model::IndicatorKind::share;
  share.numerator = "part";
  share.denominator = "total";
  share.targets = {{2026, 60.0}};
  model::IndicatorDef lower = share;
  lower.id = "lower";
  lower.better = model::Better::lower;
  lower.targets = {{2026, 60.0}};
  model::IndicatorDef count;
  count.id = "count";
  count.kind = model::IndicatorKind::count;
  count.input = "part";
  count.targets = {{2026, 35.0}};
  model::IndicatorDef yes;
  yes.id = "doc";
  yes.kind = model::IndicatorKind::yesno;
  yes.input = "doc";
  yes.targets = {{2026, 50.0}};
  d.indicators = {share, lower, count, yes};
  return d;
}

model::Registry make_registry() {
  model::Registry r;
  for (const char* id : {"a", "b", "c", "d"}) r.schools.push_back({id, id, id, "", ""});
  return r;
}

model::Submission sub(const std::string& id, double total, double part, std::optional<bool> doc) {
  model::Submission s;
  s.school_id = id;
  s.values["total"].value = total;
  s.values["part"].value = part;
  if (doc) s.values["doc"].value = *doc;
  return s;
}

}  // namespace

class SummarizeTest : public ::testing::Test {
 protected:
  model::Definition def = make_definition();
  model::Registry reg = make_registry();
  model::Period period = *model::parse_period("2026-11");
  // a: 10/20 = 50 %, b: 30/40 = 75 %, c: 0/0 (zero denominator), d: no form.
  std::vector<model::Submission> subs{sub("a", 20, 10, true), sub("b", 40, 30, false),
                                      sub("c", 0, 0, std::nullopt)};
};

TEST_F(SummarizeTest, MunicipalShareIsRatioOfSums) {
  const auto s = aggregate::summarize(def, reg, subs, period);
  const auto* st = s.stats("share");
  ASSERT_NE(st, nullptr);
  EXPECT_DOUBLE_EQ(*st->numerator_sum, 40);
  EXPECT_DOUBLE_EQ(*st->denominator_sum, 60);
  EXPECT_NEAR(*st->municipal, 66.6666667, 1e-6);  // not the mean of shares (62.5)
  EXPECT_DOUBLE_EQ(*st->median, 62.5);
  EXPECT_EQ(st->schools_with_value, 2);
  EXPECT_EQ(st->schools_missing, 2);  // c: zero denominator, d: no form
}

TEST_F(SummarizeTest, ZeroDenominatorAndMissingSchoolAreReportedNotZero) {
  const auto s = aggregate::summarize(def, reg, subs, period);
  const auto* c = s.value("c", "share");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->value);
  EXPECT_EQ(c->missing, Missing::zero_denominator);
  EXPECT_EQ(c->status, TargetStatus::no_data);
  EXPECT_FALSE(c->rank);
  EXPECT_EQ(s.value("d", "share"), nullptr);
  EXPECT_EQ(s.missing_school_ids, (std::vector<std::string>{"d"}));
  EXPECT_EQ(s.school_ids, (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(SummarizeTest, RanksDeviationTargetsAndGaps) {
  const auto s = aggregate::summarize(def, reg, subs, period);
  const auto* a = s.value("a", "share");
  const auto* b = s.value("b", "share");
  EXPECT_EQ(a->rank, 2);
  EXPECT_EQ(b->rank, 1);
  EXPECT_DOUBLE_EQ(*a->deviation, -12.5);
  EXPECT_DOUBLE_EQ(*b->deviation, 12.5);
  EXPECT_EQ(a->status, TargetStatus::not_met);
  EXPECT_DOUBLE_EQ(*a->gap, -10);
  EXPECT_EQ(b->status, TargetStatus::met);
  const auto* st = s.stats("share");
  EXPECT_EQ(st->schools_meeting_target, 1);
  EXPECT_EQ(st->municipal_status, TargetStatus::met);
  // The municipal 56,666… % prints as 56,7 %: the gap beside it is 6,7, the
  // difference of the printed values (not 6,666… printed as 6,7 by chance).
  EXPECT_NEAR(*st->municipal_gap, 6.7, 1e-9);
}

// A difference is the difference of the values as printed: 68,75 % prints as
// 68,8 % and its gap to 90 % is 21,2 p.p., not 21,25 rounded to 21,3.
TEST(PrintedDifferencesTest, GapAndDeviationAddUpWithThePrintedValues) {
  EXPECT_DOUBLE_EQ(aggregate::printed(68.75), 68.8);
  EXPECT_DOUBLE_EQ(aggregate::printed(-21.25), -21.3);
  EXPECT_DOUBLE_EQ(aggregate::printed(31.05), 31.1);
  model::Definition def;
  model::InputDef num, den;
  num.id = num.label = "n";
  den.id = den.label = "d";
  def.inputs = {num, den};
  model::IndicatorDef ind;
  ind.id = "young";
  ind.numerator = "n";
  ind.denominator = "d";
  ind.targets = {{2026, 90}};
  def.indicators = {ind};
  model::Registry reg;
  reg.schools = {{"a", "A", "A", "", ""}, {"b", "B", "B", "", ""}, {"c", "C", "C", "", ""}};
  std::vector<model::Submission> subs(3);
  const double nums[] = {55, 20, 19}, dens[] = {80, 95, 90};  // 68,75 %, 21,05… %, 21,11… %
  for (int i = 0; i < 3; ++i) {
    subs[i].school_id = reg.schools[i].id;
    subs[i].values["n"].value = nums[i];
    subs[i].values["d"].value = dens[i];
  }
  const auto s = aggregate::summarize(def, reg, subs, *model::parse_period("2026-11"));
  EXPECT_NEAR(*s.value("a", "young")->gap, 68.8 - 90, 1e-9);
  // Median 21,11 % prints as 21,1 %; b's 21,05 % as 21,1 %: no deviation is printed as one.
  EXPECT_NEAR(*s.value("b", "young")->deviation, 0, 1e-9);
  EXPECT_NEAR(*s.value("a", "young")->deviation, 68.8 - 21.1, 1e-9);
}

TEST_F(SummarizeTest, LowerIsBetterFlipsRankAndTarget) {
  const auto s = aggregate::summarize(def, reg, subs, period);
  EXPECT_EQ(s.value("a", "lower")->rank, 1);
  EXPECT_EQ(s.value("a", "lower")->status, TargetStatus::met);
  EXPECT_EQ(s.value("b", "lower")->status, TargetStatus::not_met);
  EXPECT_EQ(s.stats("lower")->municipal_status, TargetStatus::not_met);
}

TEST_F(SummarizeTest, CountTargetIsMunicipalTotal) {
  const auto s = aggregate::summarize(def, reg, subs, period);
  const auto* st = s.stats("count");
  EXPECT_DOUBLE_EQ(*st->municipal, 40);  // 10 + 30 + 0
  EXPECT_EQ(st->municipal_status, TargetStatus::met);
  EXPECT_EQ(s.value("a", "count")->status, TargetStatus::no_target);
  EXPECT_DOUBLE_EQ(*st->median, 10);  // {0, 10, 30}
}

TEST_F(SummarizeTest, YesNoIsShareOfSchoolsAnsweringYes) {
  const auto s = aggregate::summarize(def, reg, subs, period);
  const auto* st = s.stats("doc");
  EXPECT_DOUBLE_EQ(*st->municipal, 50);  // a yes, b no, c not filled
  EXPECT_EQ(st->schools_with_value, 2);
  EXPECT_EQ(st->municipal_status, TargetStatus::met);
  EXPECT_EQ(s.value("a", "doc")->status, TargetStatus::met);
  EXPECT_EQ(s.value("b", "doc")->status, TargetStatus::not_met);
  EXPECT_EQ(s.value("c", "doc")->missing, Missing::not_filled);
  EXPECT_FALSE(st->median);
}

TEST_F(SummarizeTest, OrderOfSubmissionsDoesNotMatter) {
  auto reversed = subs;
  std::reverse(reversed.begin(), reversed.end());
  const auto s1 = aggregate::summarize(def, reg, subs, period);
  const auto s2 = aggregate::summarize(def, reg, reversed, period);
  EXPECT_EQ(s1.school_ids, s2.school_ids);
  EXPECT_DOUBLE_EQ(*s1.stats("share")->municipal, *s2.stats("share")->municipal);
  EXPECT_EQ(s1.value("a", "share")->rank, s2.value("a", "share")->rank);
}

TEST_F(SummarizeTest, NoTargetForYearMeansNoTargetStatus) {
  const auto s = aggregate::summarize(def, reg, subs, *model::parse_period("2030"));
  EXPECT_EQ(s.stats("share")->municipal_status, TargetStatus::no_target);
  EXPECT_EQ(s.value("a", "share")->status, TargetStatus::no_target);
}

// The history keeps numerator, denominator, value and the reason of a missing
// value; the same statistics come back from them without the forms.
TEST_F(SummarizeTest, SummaryFromStoredValuesEqualsSummaryFromForms) {
  const auto from_forms = aggregate::summarize(def, reg, subs, period);
  aggregate::SchoolValues stored;
  for (const auto& [school, by_indicator] : from_forms.values) {
    for (const auto& [indicator, v] : by_indicator) {
      aggregate::SchoolValue kept;
      kept.numerator = v.numerator;
      kept.denominator = v.denominator;
      kept.value = v.value;
      kept.missing = aggregate::missing_from_reason(aggregate::missing_reason(v.missing));
      stored[school][indicator] = kept;
    }
  }
  const auto again = aggregate::summarize_values(def, reg, stored, period);
  EXPECT_EQ(again.school_ids, from_forms.school_ids);
  EXPECT_EQ(again.missing_school_ids, from_forms.missing_school_ids);
  ASSERT_EQ(again.indicators.size(), from_forms.indicators.size());
  for (std::size_t i = 0; i < again.indicators.size(); ++i) {
    const auto& x = again.indicators[i];
    const auto& y = from_forms.indicators[i];
    EXPECT_EQ(x.municipal, y.municipal) << x.indicator_id;
    EXPECT_EQ(x.median, y.median) << x.indicator_id;
    EXPECT_EQ(x.q3, y.q3) << x.indicator_id;
    EXPECT_EQ(x.schools_meeting_target, y.schools_meeting_target) << x.indicator_id;
    EXPECT_EQ(x.municipal_status, y.municipal_status) << x.indicator_id;
  }
  for (const auto& [school, by_indicator] : from_forms.values) {
    for (const auto& [indicator, v] : by_indicator) {
      const auto* w = again.value(school, indicator);
      ASSERT_NE(w, nullptr);
      EXPECT_EQ(w->rank, v.rank);
      EXPECT_EQ(w->missing, v.missing) << school << " " << indicator;
      EXPECT_EQ(w->status, v.status);
    }
  }
  EXPECT_EQ(aggregate::missing_from_reason("что-то другое"), Missing::none);
  // The reasons a questionnaire gives come back from the history too.
  for (const auto m : {Missing::no_answers, Missing::low_response, Missing::no_teachers_count}) {
    EXPECT_EQ(aggregate::missing_from_reason(aggregate::missing_reason(m)), m) << aggregate::missing_reason(m);
  }
}
