// LineEditor over libedit (line_editor.hpp). Bytes come through the
// dialogue's own reader (EL_GETCFN), so Ctrl-C keeps working as it does
// without line editing; libedit's EL_SIGNAL restores the terminal on
// Ctrl-C, Ctrl-Z and fatal signals.
#include "terminal/line_editor.hpp"

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <histedit.h>
#include <langinfo.h>
#include <unistd.h>

#include "terminal/terminal.hpp"

namespace myoscreen::cli {

struct LineEditor::Impl {
    std::function<int(char&)> read_byte;
    EditLine* el = nullptr;
    History* hist = nullptr;
    HistEvent ev{};
    std::string prompt;
    std::vector<std::string> words;
    bool pasting = false;
};

namespace {

LineEditor::Impl* impl_of(EditLine* el) {
    void* p = nullptr;
    el_get(el, EL_CLIENTDATA, &p);
    return static_cast<LineEditor::Impl*>(p);
}

char* prompt_of(EditLine* el) { return impl_of(el)->prompt.data(); }

// One character for libedit: UTF-8 bytes decoded into a wide character.
int get_char(EditLine* el, wchar_t* out) {
    LineEditor::Impl* im = impl_of(el);
    std::mbstate_t state{};
    char bytes[MB_LEN_MAX];
    for (std::size_t n = 0; n < sizeof bytes;) {
        char c;
        const int r = im->read_byte(c);
        if (r <= 0) return r;
        bytes[n++] = c;
        const std::size_t k = std::mbrtowc(out, bytes, n, &state);
        if (k == static_cast<std::size_t>(-2)) continue;  // incomplete: read on
        if (k == static_cast<std::size_t>(-1)) {          // not valid: pass it on as is
            *out = static_cast<unsigned char>(c);
            return 1;
        }
        return 1;
    }
    *out = L'?';
    return 1;
}

// Bracketed paste: while a paste lasts, a newline in it is a space and does
// not submit the line; outside one, Enter is libedit's own ed-newline.
void bind_enter(EditLine* el, const char* fn) {
    el_set(el, EL_BIND, "^M", fn, nullptr);
    el_set(el, EL_BIND, "^J", fn, nullptr);
}
unsigned char paste_start(EditLine* el, int) {
    impl_of(el)->pasting = true;
    bind_enter(el, "myoscreen-pasted-newline");
    return CC_NORM;
}
unsigned char paste_end(EditLine* el, int) {
    impl_of(el)->pasting = false;
    bind_enter(el, "ed-newline");
    return CC_NORM;
}
unsigned char pasted_newline(EditLine* el, int) {
    el_insertstr(el, " ");
    return CC_REFRESH;
}

// Tab: the word before the cursor completed from the question's choice
// codes and the commands; several matches are listed.
unsigned char complete(EditLine* el, int) {
    LineEditor::Impl* im = impl_of(el);
    const LineInfo* li = el_line(el);
    const std::string before(li->buffer, li->cursor);
    const std::size_t start = before.find_last_of(" ,") == std::string::npos ? 0 : before.find_last_of(" ,") + 1;
    const std::string stem = before.substr(start);
    std::vector<std::string> hits;
    for (const std::string& w : im->words)
        if (w.size() >= stem.size() && strncasecmp(w.c_str(), stem.c_str(), stem.size()) == 0) hits.push_back(w);
    if (hits.empty()) return CC_REFRESH_BEEP;
    // The longest common start of the matches.
    std::string common = hits.front();
    for (const std::string& h : hits) {
        std::size_t i = 0;
        while (i < common.size() && i < h.size() && std::tolower(static_cast<unsigned char>(common[i])) == std::tolower(static_cast<unsigned char>(h[i]))) ++i;
        common.resize(i);
    }
    if (common.size() > stem.size()) {
        el_insertstr(el, common.substr(stem.size()).c_str());
        if (hits.size() == 1) el_insertstr(el, " ");
        return CC_REFRESH;
    }
    if (hits.size() == 1) return CC_REFRESH;
    std::string list = "\n";
    for (const std::string& h : hits) list += "  " + h;
    list += "\n";
    (void)!::write(STDERR_FILENO, list.data(), list.size());
    return CC_REDISPLAY;
}

}  // namespace

bool LineEditor::wanted() { return line_editing_wanted(); }

LineEditor::LineEditor(std::function<int(char&)> read_byte) : impl_(std::make_unique<Impl>()) {
    impl_->read_byte = std::move(read_byte);
    // libedit decodes input by LC_CTYPE; the rest of myoscreen uses no locale.
    // Where the environment names none with UTF-8, C.UTF-8 keeps typed
    // accents and typographic quotes whole.
    std::setlocale(LC_CTYPE, "");
    if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
    EditLine* el = el_init("myoscreen", stdin, stderr, stderr);
    impl_->el = el;
    el_set(el, EL_CLIENTDATA, impl_.get());
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 1);
    el_set(el, EL_PROMPT, prompt_of);
    el_set(el, EL_GETCFN, get_char);
    impl_->hist = history_init();
    history(impl_->hist, &impl_->ev, H_SETSIZE, 200);
    el_set(el, EL_HIST, history, impl_->hist);
    el_set(el, EL_ADDFN, "myoscreen-complete", "complete a choice or command", complete);
    el_set(el, EL_ADDFN, "myoscreen-paste-start", "start of a bracketed paste", paste_start);
    el_set(el, EL_ADDFN, "myoscreen-paste-end", "end of a bracketed paste", paste_end);
    el_set(el, EL_ADDFN, "myoscreen-pasted-newline", "a newline inside a paste", pasted_newline);
    el_set(el, EL_BIND, "^I", "myoscreen-complete", nullptr);
    el_set(el, EL_BIND, keys::paste_start, "myoscreen-paste-start", nullptr);
    el_set(el, EL_BIND, keys::paste_end, "myoscreen-paste-end", nullptr);
    bind_enter(el, "ed-newline");
    // As in bash: Ctrl-U kills to the start, Ctrl-W the word before.
    el_set(el, EL_BIND, "^U", "vi-kill-line-prev", nullptr);
    el_set(el, EL_BIND, "^W", "ed-delete-prev-word", nullptr);
    for (const char* home : keys::home) el_set(el, EL_BIND, home, "ed-move-to-beg", nullptr);
    for (const char* end : keys::end) el_set(el, EL_BIND, end, "ed-move-to-end", nullptr);
    for (const char* left : keys::left) el_set(el, EL_BIND, left, "ed-prev-char", nullptr);
    for (const char* right : keys::right) el_set(el, EL_BIND, right, "ed-next-char", nullptr);
    for (const char* up : keys::up) el_set(el, EL_BIND, up, "ed-prev-history", nullptr);
    for (const char* down : keys::down) el_set(el, EL_BIND, down, "ed-next-history", nullptr);
    el_set(el, EL_BIND, keys::del, "ed-delete-next-char", nullptr);
    (void)!::write(STDERR_FILENO, ansi::paste_mode_on.data(), ansi::paste_mode_on.size());
}

// Bracketed paste mode is on while the dialogue lasts (so the prompt itself
// stays plain text) and off again when it ends, however it ends but by a
// signal that kills the process (libedit still restores the terminal's modes).
LineEditor::~LineEditor() {
    (void)!::write(STDERR_FILENO, ansi::paste_mode_off.data(), ansi::paste_mode_off.size());
    if (impl_->el) el_end(impl_->el);
    if (impl_->hist) history_end(impl_->hist);
}

std::optional<std::string> LineEditor::read(const std::string& prompt) {
    impl_->prompt = prompt;
    if (impl_->pasting) paste_end(impl_->el, 0);  // a paste cut short last time
    int count = 0;
    const char* line = el_gets(impl_->el, &count);
    if (line == nullptr || count <= 0) return std::nullopt;
    std::string s(line, static_cast<std::size_t>(count));
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

void LineEditor::set_completions(std::vector<std::string> words) { impl_->words = std::move(words); }

void LineEditor::remember(const std::string& line) {
    if (!line.empty()) history(impl_->hist, &impl_->ev, H_ENTER, line.c_str());
}

}  // namespace myoscreen::cli
