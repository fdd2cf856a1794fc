#include "report/clusters_sheet.h"

#include <algorithm>
#include <array>

#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "report/analysis_view.h"
#include "report/cell_text.h"
#include "report/page_plan.h"
#include "report/text_rows.h"
#include "util/text_case.h"

namespace report {

namespace {

constexpr std::array<double, 6> k_widths = {7, 44, 13, 13, 13, 62};
constexpr lxw_col_t k_last_col = k_widths.size() - 1;
constexpr double k_total_width = 7 + 44 + 13 + 13 + 13 + 62;

class ClustersWriter {
 public:
  ClustersWriter(SheetWriter& w, const BookContext& ctx)
      : m_w(w),
        m_ctx(ctx),
        m_f(ctx.f),
        m_a(*ctx.in.analysis),
        m_where(analysis::municipality_words(ctx.in.definition)) {}

  void lead() {
    const auto& c = m_a.clusters;
    std::vector<std::string> names;
    for (const auto& id : c.indicator_ids) {
      if (const auto* ind = m_ctx.in.definition.find_indicator(id)) {
        names.push_back(analysis::indicator_label(*ind));
      }
    }
    std::string text =
        "ОО с похожими результатами объединены в группы (метод k-средних по нормированным "
        "значениям показателей; правила — на листе «Методика»). ";
    if (names.empty()) {
      text += "Показателей для группировки нет.";
    } else {
      text += "Показатели группировки (" + std::to_string(names.size()) + "): ";
      for (std::size_t i = 0; i < names.size(); ++i) text += (i ? "; " : "") + names[i];
      text += ". Групп: " + std::to_string(c.k_used) + " (задано " +
              std::to_string(c.k_requested) +
              "); группа — профиль, а не уровень: она обозначена буквой (начиная с самой многочисленной) и "
              "описана тем, чем её ОО отличаются от " + m_where.genitive +
              ". Группа из одной ОО не образуется: такая ОО показана отдельно, с особым профилем. "
              "Сводное отклонение ОО: 0 — как в среднем по " + m_where.dative +
              ", больше 0 — лучше, меньше 0 — хуже (в долях обычного разброса значений между ОО). "
              "Фактор — показатель, по которому медиана группы сильнее всего отличается от "
              "медианы по " + m_where.dative + "; доли с малым знаменателем в медиану группы не входят.";
    }
    paragraph(text, m_f.note);
  }

  // A group starts on a new page when it would not fit on the current one.
  void group(const analysis::Cluster& g) {
    const lxw_row_t start = m_row;
    write_group(g);
    m_plan.keep_together(start + 1, m_row - 1);  // from the section title (start is a spacer)
  }

  void apply_breaks() { m_plan.apply(m_w, m_row); }

  void write_group(const analysis::Cluster& g) {
    const bool single = g.name.empty();
    section(single ? "Особый профиль: " + school_name(m_ctx.in.registry, g.school_ids.front())
                   : util::upper_first(g.name) + " — " +
                         analysis::count_of_schools(static_cast<int>(g.school_ids.size())));
    paragraph(util::upper_first(g.profile) + ".", m_f.plain_wrap);
    header({"№", "ОО", "Сводное отклонение от среднего по " + m_where.dative, "", "", ""}, 3, false);
    // Highest mean z-score first (the analysis lists members by id).
    std::vector<std::string> members = g.school_ids;
    const auto z_of = [&](const std::string& id) {
      const auto it = m_a.clusters.mean_z.find(id);
      return it == m_a.clusters.mean_z.end() ? 0.0 : it->second;
    };
    std::stable_sort(members.begin(), members.end(), [&](const auto& a, const auto& b) {
      return z_of(a) > z_of(b) + 1e-12;
    });
    int n = 0;
    for (const auto& id : members) {
      m_w.number(m_row, 0, ++n, m_f.integer);
      const std::string name = school_name(m_ctx.in.registry, id);
      m_w.text(m_row, 1, name, m_f.text_wrap);
      fit(name, k_widths[1]);
      const auto z = m_a.clusters.mean_z.find(id);
      if (z != m_a.clusters.mean_z.end()) {
        m_w.number(m_row, 2, z->second, m_f.decimal);
      } else {
        m_w.dash(m_row, 2, "", m_f.dash);
      }
      ++m_row;
    }
    ++m_row;
    if (g.factors.empty()) {
      paragraph("Факторов, по которым медиана группы заметно отличается от медианы по " +
                    m_where.dative + ", нет.",
                m_f.plain_wrap);
      return;
    }
    header({"Код", "Фактор: показатель", single ? "Значение ОО" : "Медиана группы",
            "Медиана по " + m_where.dative, "Разница", "Вывод"},
           6, false);
    for (const auto& factor : g.factors) write_factor(factor);
  }

  void insufficient() {
    const auto& c = m_a.clusters;
    if (c.insufficient_data.empty()) return;
    section("Недостаточно данных для группировки — " +
            analysis::count_of_schools(static_cast<int>(c.insufficient_data.size())));
    header({"№", "ОО", "Причина", "", "", ""}, 3, true);
    const double min_values = m_ctx.in.definition.rubric
                                  ? m_ctx.in.definition.rubric->clusters.min_values
                                  : model::ClusterSettings{}.min_values;
    int n = 0;
    for (const auto& id : c.insufficient_data) {
      int have = 0;
      for (const auto& ind : c.indicator_ids) {
        const auto* v = m_ctx.in.summary.value(id, ind);
        if (v != nullptr && v->value) ++have;
      }
      const std::string reason =
          "недостаточно данных для группировки: значения есть по " + std::to_string(have) +
          " из " + std::to_string(c.indicator_ids.size()) +
          " показателей группировки, а нужно не менее " + analysis::format_compact(min_values, 1) +
          " %";
      m_w.number(m_row, 0, ++n, m_f.integer);
      const std::string name = school_name(m_ctx.in.registry, id);
      m_w.text(m_row, 1, name, m_f.text_wrap);
      m_w.merged(m_row, 2, m_row, k_last_col, reason, m_f.text_wrap);
      fit(name, k_widths[1], reason, k_total_width - 51);
      ++m_row;
    }
  }

  void warnings() {
    if (m_a.clusters.warnings.empty()) return;
    section("Предупреждения группировки");
    for (const auto& warning : m_a.clusters.warnings) {
      std::string text = warning;
      if (!text.empty() && !text.ends_with('.')) text += '.';
      paragraph("• " + text, m_f.plain_wrap);
    }
  }

  void no_groups() {
    ++m_row;
    paragraph("Группы не сформированы.", m_f.text);
  }

 private:
  void section(std::string_view title) {
    ++m_row;
    m_w.merged(m_row, 0, m_row, k_last_col, title, m_f.section);
    height(20);
    ++m_row;
  }

  // Header cells of the first `used` columns; with `merge_last` the last of
  // them spans to the last column of the sheet.
  void header(const std::array<std::string, 6>& titles, lxw_col_t used, bool merge_last) {
    for (lxw_col_t c = 0; c < used; ++c) {
      if (merge_last && c + 1 == used) {
        m_w.merged(m_row, c, m_row, k_last_col, titles[c], m_f.header);
      } else {
        m_w.text(m_row, c, titles[c], m_f.header);
      }
    }
    height(30);
    ++m_row;
  }

  // Sets, when not the default, the height of the current row.
  void height(double pt) {
    if (pt != k_line_pt) m_w.row_height(m_row, pt);
  }

  void paragraph(std::string_view text, lxw_format* format) {
    for (const auto& piece : split_for_rows(text, k_total_width)) {
      m_w.merged(m_row, 0, m_row, k_last_col, piece, format);
      height(std::max(k_line_pt, text_height(piece, k_total_width)));
      ++m_row;
    }
  }

  void fit(std::string_view a, double wa, std::string_view b = {}, double wb = 1) {
    const int lines = std::max(wrapped_lines(a, wa), b.empty() ? 1 : wrapped_lines(b, wb));
    height(k_line_pt * lines);
  }

  void write_factor(const analysis::Factor& factor) {
    const model::IndicatorDef* ind = m_ctx.in.definition.find_indicator(factor.indicator_id);
    if (ind == nullptr) return;
    m_w.text(m_row, 0, ind->code, m_f.centre);
    m_w.text(m_row, 1, ind->name, m_f.text_wrap);
    write_indicator_value(m_w, m_row, 2, *ind, factor.group_median, false, "", m_f);
    write_indicator_value(m_w, m_row, 3, *ind, factor.municipal_median, false, "", m_f);
    analysis::Change as_change;
    as_change.change = factor.difference;
    as_change.improved = factor.favourable;
    write_change(m_w, m_row, 4, *ind, &as_change, m_ctx);
    const std::string verdict =
        std::string(factor.favourable ? "Лучше, чем по " : "Хуже, чем по ") + m_where.dative + ": " +
        factor.text + ".";
    m_w.text(m_row, 5, verdict, m_f.text_wrap);
    fit(ind->name, k_widths[1], verdict, k_widths[5]);
    ++m_row;
  }

  SheetWriter& m_w;
  const BookContext& m_ctx;
  const Formats& m_f;
  const analysis::Analysis& m_a;
  const analysis::MunicipalityWords m_where;
  lxw_row_t m_row = k_title_rows;
  PagePlan m_plan{page_height_pt(k_total_width)};
};

}  // namespace

model::Expected<void> write_clusters_sheet(const BookContext& ctx) {
  if (ctx.in.analysis == nullptr) return {};
  auto added = add_sheet(ctx.book, k_clusters_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  for (lxw_col_t c = 0; c <= k_last_col; ++c) w.column_width(c, c, k_widths[c]);
  write_title_block(w, "Группы ОО и факторы, влияющие на результаты", subtitle(ctx.in), ctx.f);
  ClustersWriter c(w, ctx);
  c.lead();
  for (const auto& g : ctx.in.analysis->clusters.clusters) c.group(g);
  for (const auto& g : ctx.in.analysis->clusters.singles) c.group(g);
  if (ctx.in.analysis->clusters.clusters.empty() && ctx.in.analysis->clusters.singles.empty()) c.no_groups();
  c.insufficient();
  c.warnings();
  c.apply_breaks();

  worksheet_freeze_panes(w.raw(), k_title_rows, 0);
  PageSetup page;
  page.footer_left = "Группы ОО · " + model::display_name(ctx.in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

}  // namespace report
