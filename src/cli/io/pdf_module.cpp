// Finding and loading the PDF module (beside the binary, or where an install puts it).
#include "io/pdf_module.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "myoscreen/pdf_module.hpp"

namespace myoscreen::cli {
namespace {

std::string exe_dir() {
    char buf[4096];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    std::string p(buf, static_cast<std::size_t>(n));
    return p.substr(0, p.rfind('/'));
}

}  // namespace

void render_pdf_with_module(const ReportView& v, Paper paper, std::string& out) {
    std::string tried;
    void* lib = nullptr;
    const std::string dir = exe_dir();
    for (const std::string& path : {dir + "/" MYOSCREEN_PDF_MODULE_NAME, dir + "/" MYOSCREEN_PDF_MODULE_RELPATH,
                                    std::string(MYOSCREEN_PDF_MODULE_PATH)}) {
        lib = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (lib != nullptr) break;
        const char* why = ::dlerror();
        tried += fmt::format("\n  {}: {}", path, why != nullptr ? why : "cannot be loaded");
    }
    if (lib == nullptr) throw Failure(exit_software, "PDF output is not available: the PDF module was not found or not loaded:" + tried);
    auto* fn = reinterpret_cast<PdfRenderFn>(::dlsym(lib, MYOSCREEN_PDF_ENTRY));
    if (fn == nullptr) throw Failure(exit_software, "PDF output is not available: the PDF module is of another version");
    const PageSize size = page_size(paper);
    std::string error;
    if (fn(&v, sizeof(ReportView), size.width, size.height, &out, &error) != 0)
        throw Failure(exit_software, "making the PDF failed: " + error);
    // The module stays loaded until exit: cairo and fontconfig keep caches.
}

}  // namespace myoscreen::cli
