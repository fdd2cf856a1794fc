#include "ingest/workbook_codec.h"

#include <cstdint>
#include <cstring>

namespace ingest {

namespace {

class Writer {
 public:
  explicit Writer(std::string& out) : m_out(out) {}
  template <class T>
  void pod(T v) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    m_out.append(bytes, sizeof(T));
  }
  void str(std::string_view s) {
    pod<std::uint64_t>(s.size());
    m_out.append(s);
  }

 private:
  std::string& m_out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : m_in(in) {}
  template <class T>
  bool pod(T& v) {
    if (m_in.size() < sizeof(T)) return false;
    std::memcpy(&v, m_in.data(), sizeof(T));
    m_in.remove_prefix(sizeof(T));
    return true;
  }
  bool str(std::string& s) {
    std::uint64_t n = 0;
    if (!pod(n) || n > m_in.size()) return false;
    s.assign(m_in.data(), static_cast<std::size_t>(n));
    m_in.remove_prefix(static_cast<std::size_t>(n));
    return true;
  }
  // A count of items each at least `min_bytes` long, checked against what is left.
  bool count(std::uint64_t& n, std::size_t min_bytes) {
    return pod(n) && n <= m_in.size() / min_bytes;
  }
  bool done() const { return m_in.empty(); }

 private:
  std::string_view m_in;
};

constexpr std::uint8_t k_ok = 0, k_error = 1;

}  // namespace

void encode_result(const Status& status, const Workbook& book, std::string& out) {
  Writer w(out);
  if (status) {
    w.pod(k_error);
    w.str(status->message);
    w.str(status->hint);
    w.str(status->found);
    w.str(status->sheet);
    w.pod<std::uint8_t>(status->cell ? 1 : 0);
    w.pod(status->cell ? status->cell->row : 0u);
    w.pod(status->cell ? status->cell->col : 0u);
    return;
  }
  w.pod(k_ok);
  w.str(book.format);
  w.pod<std::uint8_t>(book.date1904 ? 1 : 0);
  w.pod<std::uint64_t>(book.sheets.size());
  for (const auto& sheet : book.sheets) {
    w.str(sheet.name);
    w.pod(static_cast<std::uint8_t>(sheet.state));
    w.pod<std::uint64_t>(sheet.cells.size());
    for (const auto& c : sheet.cells) {
      w.pod(c.ref.row);
      w.pod(c.ref.col);
      w.pod(static_cast<std::uint8_t>(c.type));
      w.pod(c.number);
      w.str(c.text);
      w.pod(static_cast<std::uint8_t>((c.is_percent ? 1 : 0) | (c.is_date ? 2 : 0) |
                                      (c.from_formula ? 4 : 0)));
    }
    w.pod<std::uint64_t>(sheet.unsaved_formulas.size());
    for (const auto& ref : sheet.unsaved_formulas) {
      w.pod(ref.row);
      w.pod(ref.col);
    }
  }
  w.pod<std::uint64_t>(book.names.size());
  for (const auto& n : book.names) {
    w.str(n.name);
    w.pod<std::uint8_t>(n.local_sheet ? 1 : 0);
    w.pod<std::uint64_t>(n.local_sheet.value_or(0));
    w.str(n.formula);
  }
}

bool decode_result(std::string_view in, Status& status, Workbook& book) {
  Reader r(in);
  std::uint8_t tag = 0;
  if (!r.pod(tag)) return false;
  if (tag == k_error) {
    ReadError e;
    std::uint8_t has_cell = 0;
    model::CellRef cell;
    if (!r.str(e.message) || !r.str(e.hint) || !r.str(e.found) || !r.str(e.sheet) ||
        !r.pod(has_cell) || !r.pod(cell.row) || !r.pod(cell.col))
      return false;
    if (has_cell) e.cell = cell;
    status = std::move(e);
    return r.done();
  }
  if (tag != k_ok) return false;
  status.reset();
  book = {};
  std::uint8_t flag = 0;
  std::uint64_t sheets = 0;
  if (!r.str(book.format) || !r.pod(flag) || !r.count(sheets, 17)) return false;
  book.date1904 = flag != 0;
  book.sheets.resize(static_cast<std::size_t>(sheets));
  for (auto& sheet : book.sheets) {
    std::uint8_t state = 0;
    std::uint64_t cells = 0;
    if (!r.str(sheet.name) || !r.pod(state) || state > 2 || !r.count(cells, 26)) return false;
    sheet.state = static_cast<SheetState>(state);
    sheet.cells.resize(static_cast<std::size_t>(cells));
    for (auto& c : sheet.cells) {
      std::uint8_t type = 0, flags = 0;
      if (!r.pod(c.ref.row) || !r.pod(c.ref.col) || !r.pod(type) || type > 3 || !r.pod(c.number) ||
          !r.str(c.text) || !r.pod(flags))
        return false;
      c.type = static_cast<CellType>(type);
      c.is_percent = flags & 1;
      c.is_date = flags & 2;
      c.from_formula = flags & 4;
    }
    std::uint64_t formulas = 0;
    if (!r.count(formulas, 8)) return false;
    sheet.unsaved_formulas.resize(static_cast<std::size_t>(formulas));
    for (auto& ref : sheet.unsaved_formulas)
      if (!r.pod(ref.row) || !r.pod(ref.col)) return false;
  }
  std::uint64_t names = 0;
  if (!r.count(names, 25)) return false;
  book.names.resize(static_cast<std::size_t>(names));
  for (auto& n : book.names) {
    std::uint8_t has_local = 0;
    std::uint64_t local = 0;
    if (!r.str(n.name) || !r.pod(has_local) || !r.pod(local) || !r.str(n.formula)) return false;
    if (has_local) n.local_sheet = static_cast<std::size_t>(local);
  }
  return r.done();
}

}  // namespace ingest
