#include "ingest/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <array>

#include "util/zip_handle.h"

namespace ingest {

namespace {

// Entries smaller than this are never refused for their ratio: small XML
// parts full of repeated tags legitimately compress very well.
constexpr std::uint64_t k_ratio_floor_bytes = 1u << 20;

std::string normalise(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  while (!out.empty() && out.front() == '/') out.erase(out.begin());
  return out;
}

ReadError corrupt(std::string_view detail) {
  return make_error("архив книги повреждён или обрезан (" + std::string(detail) + ")",
                    std::string("Если файл пересылался, отправьте его заново; если не помогает — ") +
                        "откройте его в Excel или LibreOffice и сохраните как «Книга Excel (*.xlsx)»");
}

ReadError bomb(const std::string& name, double ratio, double limit) {
  return make_error("часть книги «" + name + "» сжата в " + std::to_string(static_cast<long>(ratio)) +
                        " раз (допустимо не больше " + std::to_string(static_cast<long>(limit)) +
                        ") — похоже на «zip-бомбу», а не на форму",
                    k_hint_resave);
}


}  // namespace

ZipArchive::ZipArchive() = default;
ZipArchive::~ZipArchive() = default;
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;

Status ZipArchive::open(std::span<const unsigned char> bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    auto err = corrupt(zip_error_strerror(&error));
    zip_error_fini(&error);
    return err;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    auto err = corrupt(zip_error_strerror(&error));
    zip_error_fini(&error);
    return err;
  }
  zip_error_fini(&error);
  return index(archive);
}

Status ZipArchive::open_file(const std::string& path) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    auto err = corrupt(zip_error_strerror(&error));
    zip_error_fini(&error);
    return err;
  }
  return index(archive);
}

Status ZipArchive::index(struct zip* archive) {
  m_zip.reset(archive);
  m_index.clear();
  m_names.clear();
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* raw = zip_get_name(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (raw == nullptr) return corrupt("имя части не читается");
    std::string name = raw;
    if (!m_index.emplace(normalise(name), static_cast<std::uint64_t>(i)).second)
      return corrupt("две части с одинаковым именем «" + name + "»");
    m_names.push_back(std::move(name));
  }
  return std::nullopt;
}

std::optional<std::string> ZipArchive::find(std::string_view name) const {
  const auto it = m_index.find(normalise(name));
  if (it == m_index.end()) return std::nullopt;
  return m_names[it->second];
}

std::vector<std::string> ZipArchive::names() const { return m_names; }

Status ZipArchive::read_entry(const std::string& name, ReadBudget& budget, const Sink& sink) const {
  const auto it = m_index.find(normalise(name));
  if (!m_zip || it == m_index.end()) return corrupt("нет части «" + name + "»");
  const zip_uint64_t index = it->second;

  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(m_zip.get(), index, 0, &st) != 0) return corrupt(zip_strerror(m_zip.get()));
  const double limit = budget.limits().max_compression_ratio;
  const bool sizes_known = (st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE);
  const std::uint64_t comp_size = sizes_known ? std::max<std::uint64_t>(st.comp_size, 1) : 1;
  if (sizes_known && st.size > k_ratio_floor_bytes &&
      static_cast<double>(st.size) / static_cast<double>(comp_size) > limit)
    return bomb(name, static_cast<double>(st.size) / static_cast<double>(comp_size), limit);
  if (sizes_known && st.size > budget.limits().max_uncompressed_bytes)
    if (auto err = budget.add_uncompressed(st.size)) return err;

  util::ZipFilePtr file(zip_fopen_index(m_zip.get(), index, 0));
  if (!file) {
    const zip_error_t* ze = zip_get_error(m_zip.get());
    if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD || zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD)
      return make_error("файл защищён паролем", k_hint_password);
    if (zip_error_code_zip(ze) == ZIP_ER_COMPNOTSUPP || zip_error_code_zip(ze) == ZIP_ER_ENCRNOTSUPP)
      return make_error("часть книги «" + name + "» сжата неизвестным способом", k_hint_resave);
    return corrupt(zip_strerror(m_zip.get()));
  }

  std::array<char, k_zip_chunk_bytes> buffer;
  std::uint64_t total = 0;
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) return corrupt(zip_file_strerror(file.get()));
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (sizes_known && total > st.size) return corrupt("часть «" + name + "» длиннее заявленного");
    if (total > k_ratio_floor_bytes &&
        static_cast<double>(total) / static_cast<double>(comp_size) > limit)
      return bomb(name, static_cast<double>(total) / static_cast<double>(comp_size), limit);
    if (auto err = budget.add_uncompressed(static_cast<std::uint64_t>(n))) return err;
    if (auto err = budget.check_time()) return err;
    if (auto err = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) return err;
  }
  return std::nullopt;
}

}  // namespace ingest
