#include "letters/sender_replies.h"

#include "util/ascii.h"
#include "util/local_time.h"

namespace letters {

namespace {

// «Ваше письмо «Тема» от 05.11.2026 14:32»
std::string which_letter(const collect::ParsedMessage& m) {
  std::string out = "Ваше письмо";
  if (!m.subject.empty()) out += " «" + m.subject + "»";
  if (const auto when = util::moment_text(m.date); !when.empty()) out += " от " + when;
  return out;
}

std::string signature(const collect::ReplyContext& context) {
  std::string out = "\n\nЭто письмо отправлено автоматически программой сбора форм мониторинга.";
  if (!context.methodist.empty()) out += "\nС вопросами обращайтесь к методисту: " + context.methodist + ".";
  return out;
}

std::string no_workbook_body(const collect::ParsedMessage& m, const collect::ReplyContext& context,
                             const std::vector<std::string>& other_files) {
  std::string body = "Здравствуйте!\n\n" + which_letter(m) +
                     " получено, но заполненной формы мониторинга в нём нет.\n\n"
                     "Что нужно прислать: заполненную форму мониторинга — файл Excel (.xlsx), который "
                     "школа получила для заполнения, — вложением в письмо (не ссылкой на облачный диск и "
                     "не текстом письма). Пожалуйста, отправьте её с адреса электронной почты школы "
                     "(директора), указанного в реестре школ.";
  if (!other_files.empty()) {
    body += "\n\nВ письме были файлы: ";
    for (std::size_t i = 0; i < other_files.size(); ++i) {
      body += (i > 0 ? ", «" : "«") + other_files[i] + "»";
    }
    body += " — они не являются формой мониторинга (нужен файл .xlsx).";
  }
  return body + signature(context);
}

std::string tnef_body(const collect::ParsedMessage& m, const collect::ReplyContext& context) {
  return "Здравствуйте!\n\n" + which_letter(m) +
         " получено, но вложение пришло в виде файла winmail.dat. Так программа Outlook упаковывает "
         "вложения, когда письмо написано в формате RTF, и прочитать из него форму мониторинга нельзя.\n\n"
         "Как исправить: в Outlook откройте «Файл» → «Параметры» → «Почта» и в разделе «Составление "
         "сообщений» выберите формат «HTML» или «Обычный текст» (не «Формат RTF»). Если письмо отвечает "
         "на другое, проверьте формат на вкладке «Формат текста» самого письма. Затем отправьте "
         "заполненную форму (.xlsx) ещё раз обычным вложением." +
         signature(context);
}

std::string too_large_body(const collect::ParsedMessage& m, const collect::ReplyContext& context) {
  return "Здравствуйте!\n\n" + which_letter(m) + " больше " + std::to_string(context.max_message_mb) +
         " МБ, и программа сбора форм его не прочитала.\n\n"
         "Пришлите, пожалуйста, только заполненную форму мониторинга (.xlsx) отдельным письмом, без "
         "фотографий, сканов и других больших вложений." +
         signature(context);
}

}  // namespace

mail::MailMessage compose_reply(collect::ReplyKind kind, const collect::ParsedMessage& message, const collect::ReplyContext& context,
                                   const std::vector<std::string>& other_files) {
  mail::MailMessage reply;
  reply.from = context.from;
  reply.to = {message.from};  // the registered address, never a Reply-To
  const auto subject = message.subject.empty() ? std::string("ваше письмо") : message.subject;
  const bool has_re = util::lower_ascii(subject).starts_with("re:");
  reply.subject = has_re ? subject : "Re: " + subject;
  reply.in_reply_to = message.message_id;
  reply.auto_reply = true;
  switch (kind) {
    case collect::ReplyKind::no_workbook: reply.body = no_workbook_body(message, context, other_files); break;
    case collect::ReplyKind::tnef: reply.body = tnef_body(message, context); break;
    case collect::ReplyKind::too_large: reply.body = too_large_body(message, context); break;
  }
  return reply;
}

}  // namespace letters
