#include "report/documents.h"

#include <ctime>

#include "analysis/period_text.h"
#include "analysis/russian_words.h"
#include "report/document_parts.h"

namespace report {

namespace {

std::string utc_w3c(std::int64_t epoch) {
  if (epoch <= 0) return "";
  const auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::string spravka_file_name(std::string_view monitoring, const model::Period& period) {
  return "Справка_" + std::string(monitoring) + "_" + period.id + ".docx";
}

std::string prikaz_file_name(std::string_view monitoring, const model::Period& period) {
  return "Приказ_" + std::string(monitoring) + "_" + period.id + ".docx";
}

std::vector<model::Diagnostic> deadline_notices(const DocumentSettings& settings, const std::string& run_time,
                                                const std::string& config_file) {
  std::vector<model::Diagnostic> out;
  const std::string today = date_of(run_time);
  const auto check = [&](const std::string& deadline, const std::string& key) {
    if (deadline.empty() || !deadline_passed(deadline, run_time)) return;
    out.push_back(model::Diagnostic::warning(
        {config_file, {}, {}, {}, "documents." + key},
        "срок «" + deadline + "» из [documents] " + key + " уже прошёл на дату обработки " + today +
            ": в проекте приказа на его месте оставлено поле для заполнения",
        "укажите новый срок в [documents] " + key + " и пересоберите документы: metodmon documents"));
  };
  check(settings.deadline, "deadline");
  for (const auto& m : settings.measures) check(m.deadline, "measure.deadline");
  return out;
}

model::Expected<void> write_documents(const ReportInput& input, const DocumentSettings& settings,
                                      const std::filesystem::path& spravka,
                                      const std::filesystem::path& prikaz) {
  if (input.analysis == nullptr) {
    return std::unexpected(model::Diagnostic::error({spravka.filename().string(), {}, {}, {}, {}},
                                                    "документы не построены: нет результатов анализа"));
  }
  const std::string about = " по итогам " + analysis::monitoring_genitive(input.definition) + " за " +
                            analysis::period_accusative(input.summary.period);
  const std::string creator = input.definition.organisation.empty() ? "metodmon" : input.definition.organisation;
  const std::string created = utc_w3c(input.run.run_epoch);
  const docx::Properties spravka_props{"Аналитическая справка" + about, creator, created, input.run.run_epoch};
  if (auto w = docx::write_docx(spravka_document(input, settings), settings.page, spravka_props, spravka); !w) {
    return w;
  }
  const docx::Properties prikaz_props{"Проект приказа" + about, creator, created, input.run.run_epoch};
  return docx::write_docx(prikaz_document(input, settings), settings.page, prikaz_props, prikaz);
}

}  // namespace report
