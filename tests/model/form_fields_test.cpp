#include "model/form_fields.h"

#include <gtest/gtest.h>

namespace {

using model::form::FieldSpec;

TEST(FormFieldsTest, SpecReadsBackAsWritten) {
  model::InputDef in;
  in.id = "teachers_total";
  in.label = "Педагоги; в том числе совместители (чел.)";  // a ';' in the label stays in it
  in.kind = model::InputKind::count;
  in.min = 0;
  in.max = 2000.5;
  in.not_more_than = "staff";
  const auto text = model::form::to_text(model::form::field_spec(in));
  EXPECT_EQ(text, "count;1;0;2000.5;staff;Педагоги; в том числе совместители (чел.)");
  const auto back = model::form::parse_field_spec(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, model::form::field_spec(in));
}

TEST(FormFieldsTest, OptionalLimitsAndOtherKinds) {
  model::InputDef in;
  in.label = "Ответственный";
  in.kind = model::InputKind::text;
  in.required = false;
  EXPECT_EQ(model::form::to_text(model::form::field_spec(in)), "text;0;;;;Ответственный");
  const auto back = model::form::parse_field_spec("text;0;;;;Ответственный");
  ASSERT_TRUE(back.has_value());
  EXPECT_FALSE(back->min.has_value());
  EXPECT_FALSE(back->required);
}

TEST(FormFieldsTest, WhatIsNotASpecIsRefused) {
  for (const char* bad : {"", "count", "count;1;0;;", "number;1;0;;;x", "count;2;0;;;x", "count;1;abc;;;x",
                          "count;1;0;1e;;x"}) {
    EXPECT_FALSE(model::form::parse_field_spec(bad).has_value()) << bad;
  }
}

TEST(FormFieldsTest, ChangesAreListedInTheDefinitionsOrderRemovedLast) {
  model::Definition now;
  model::InputDef a;
  a.id = "a";
  a.label = "Поле А";
  a.kind = model::InputKind::yesno;
  model::InputDef b;
  b.id = "b";
  b.label = "Поле Б";
  b.min = 1;
  now.inputs = {a, b};
  std::map<std::string, FieldSpec> was;
  FieldSpec old_a = model::form::field_spec(a);
  old_a.kind = model::InputKind::count;
  was["a"] = old_a;
  was["gone"] = FieldSpec{model::InputKind::text, false, std::nullopt, std::nullopt, "", "Старое поле"};
  EXPECT_EQ(model::form::form_changes(was, now),
            (std::vector<std::string>{"поле «Поле А»: вид был «количество», стал «да/нет»",
                                      "добавлено поле «Поле Б»", "убрано поле «Старое поле»"}));
  was["a"] = model::form::field_spec(a);
  was["b"] = model::form::field_spec(b);
  was.erase("gone");
  EXPECT_TRUE(model::form::form_changes(was, now).empty());
  b.min = 0.5;
  now.inputs[1] = b;
  EXPECT_EQ(model::form::form_changes(was, now),
            (std::vector<std::string>{"поле «Поле Б»: наименьшее значение было 1, стало 0,5"}));
}

}  // namespace
