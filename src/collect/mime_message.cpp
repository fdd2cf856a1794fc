#include "collect/mime_message.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

#include "util/ascii.h"

namespace collect {

namespace {

struct GObjectUnref {
  void operator()(gpointer p) const { g_object_unref(p); }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFreeChars {
  void operator()(char* p) const { g_free(p); }
};

void init_gmime_once() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string text(const char* value) { return value != nullptr ? std::string(value) : std::string{}; }

// The first mailbox of a list (groups are looked into); empty when none.
mail::MailAddress first_mailbox(InternetAddressList* list) {
  if (list == nullptr) return {};
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
      return {text(internet_address_get_name(a)),
              text(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)))};
    }
    if (INTERNET_ADDRESS_IS_GROUP(a)) {
      auto inner = first_mailbox(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)));
      if (!inner.address.empty()) return inner;
    }
  }
  return {};
}

std::int64_t date_of(GMimeMessage* message) {
  GDateTime* date = g_mime_message_get_date(message);
  return date != nullptr ? g_date_time_to_unix(date) : 0;
}

std::string decoded_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, out.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

bool is_named_type(const std::string& type) {
  return type == "application/ms-tnef" || type == "application/vnd.ms-tnef" ||
         type == "application/vnd.ms-excel" || type.starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml") ||
         type == "application/vnd.ms-excel.sheet.macroenabled.12" || type == "text/csv";
}

// The walk's bounds. Thirty forwards of a forward are two levels each (the
// attached message and its multipart); nobody's mail goes near these, and a
// hostile letter that does is walked this far and no further, the letter
// saying so (ParsedMessage::limit). The walk keeps its own stack, so depth
// costs a few words of memory a level, never the program's stack.
constexpr std::size_t k_max_depth = 512;    // levels of multiparts and attached messages
constexpr std::size_t k_max_parts = 10000;  // parts looked at

struct Walker {
  std::vector<MailPart>* out;
  std::string* limit;

  struct Frame {
    GMimeObject* object;
    mail::MailAddress sender;
    std::int64_t date;
    bool forwarded;
    std::size_t depth;
  };

  void walk(GMimeObject* root, const mail::MailAddress& sender, std::int64_t date) {
    std::vector<Frame> stack{{root, sender, date, false, 1}};
    std::size_t parts = 0;
    while (!stack.empty()) {
      auto frame = std::move(stack.back());
      stack.pop_back();
      if (frame.depth > k_max_depth) {
        note("вложенность частей письма больше " + std::to_string(k_max_depth) +
             " уровней: глубже программа не смотрела");
        continue;
      }
      if (++parts > k_max_parts) {
        note("в письме больше " + std::to_string(k_max_parts) + " частей: остальные программа не смотрела");
        return;
      }
      GMimeObject* object = frame.object;
      if (GMIME_IS_MULTIPART(object)) {
        auto* multipart = GMIME_MULTIPART(object);
        // Children pushed last to first: they come off the stack in order.
        for (int i = g_mime_multipart_get_count(multipart) - 1; i >= 0; --i) {
          stack.push_back({g_mime_multipart_get_part(multipart, i), frame.sender, frame.date, frame.forwarded,
                           frame.depth + 1});
        }
      } else if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (inner == nullptr) continue;
        auto inner_sender = first_mailbox(g_mime_message_get_from(inner));
        if (inner_sender.address.empty()) inner_sender = frame.sender;
        const auto inner_date = date_of(inner);
        if (GMimeObject* body = g_mime_message_get_mime_part(inner)) {
          stack.push_back({body, std::move(inner_sender), inner_date != 0 ? inner_date : frame.date, true,
                           frame.depth + 1});
        }
      } else if (GMIME_IS_PART(object)) {
        leaf(GMIME_PART(object), frame.sender, frame.date, frame.forwarded);
      }
    }
  }

  void note(const std::string& text) {
    if (limit->empty()) *limit = text;
  }

  void leaf(GMimePart* part, const mail::MailAddress& sender, std::int64_t date, bool forwarded) {
    GMimeObject* object = GMIME_OBJECT(part);
    std::unique_ptr<char, GFreeChars> type_text(
        g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object)));
    const auto type = util::lower_ascii(text(type_text.get()));
    const auto name = text(g_mime_part_get_filename(part));
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    const bool attachment = disposition != nullptr && g_mime_content_disposition_is_attachment(disposition);
    if (name.empty() && !attachment && !is_named_type(type)) return;  // body text
    MailPart p;
    p.file_name = name;
    p.content_type = type;
    p.bytes = decoded_content(part);
    p.sender = sender;
    p.date = date;
    p.forwarded = forwarded;
    p.inline_image = type.starts_with("image/") && !attachment;
    out->push_back(std::move(p));
  }
};

// GMime stops at its own nesting bound and says so through this callback.
void parser_warning(gint64, GMimeParserWarning code, const gchar*, gpointer user_data) {
  if (code == GMIME_CRIT_NESTING_OVERFLOW) *static_cast<bool*>(user_data) = true;
}

}  // namespace

model::Expected<ParsedMessage> parse_message(std::string_view raw) {
  init_gmime_once();
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  // Declared before the message, so it outlives everything read from it.
  std::unique_ptr<GMimeParserOptions, decltype(&g_mime_parser_options_free)> options(
      g_mime_parser_options_new(), &g_mime_parser_options_free);
  // 8-bit header text without a declared charset: UTF-8, else Windows-1251
  // (Russian mail clients of old); GMime converts either to UTF-8.
  const char* fallback[] = {"utf-8", "windows-1251", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
  bool gmime_overflow = false;
  g_mime_parser_options_set_warning_callback(options.get(), parser_warning, &gmime_overflow);
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
  if (!message) {
    return std::unexpected(model::Diagnostic::error({}, "не удалось разобрать письмо: это не сообщение электронной почты"));
  }
  GMimeMessage* m = message.get();
  GMimeObject* object = GMIME_OBJECT(m);
  ParsedMessage out;
  out.message_id = text(g_mime_message_get_message_id(m));
  out.from = first_mailbox(g_mime_message_get_from(m));
  out.reply_to = first_mailbox(g_mime_message_get_reply_to(m));
  if (out.reply_to.address.empty()) out.reply_to = out.from;
  out.subject = text(g_mime_message_get_subject(m));
  out.date = date_of(m);
  out.auto_submitted = util::lower_ascii(text(g_mime_object_get_header(object, "Auto-Submitted")));
  out.precedence = util::lower_ascii(text(g_mime_object_get_header(object, "Precedence")));
  out.list_id = text(g_mime_object_get_header(object, "List-Id"));
  out.x_autoreply = text(g_mime_object_get_header(object, "X-Autoreply"));
  if (GMimeObject* body = g_mime_message_get_mime_part(m)) {
    out.delivery_report = g_mime_content_type_is_type(g_mime_object_get_content_type(body), "multipart", "report");
    Walker walker{&out.attachments, &out.limit};
    walker.walk(body, out.from, out.date);
  }
  if (gmime_overflow && out.limit.empty()) {
    out.limit = "вложенность частей письма больше, чем разбирает библиотека GMime: глубже программа не смотрела";
  }
  return out;
}

}  // namespace collect
