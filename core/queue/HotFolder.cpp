#include "core/queue/HotFolder.h"

#include "core/jobs/JobEngine.h"

namespace pixverse {

// CONTRACT STUB: the "hot" helper watches the folder.

HotFolder::HotFolder(JobEngine* engine, const ModelCatalog* catalog, ApiFamily family,
                     const PriceBook* prices, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_catalog(catalog)
    , m_family(family)
    , m_prices(prices) {}

HotFolder::~HotFolder() = default;

bool HotFolder::start(const HotFolderOptions& options) {
    m_options = options;
    m_watching = true;
    return true;
}

void HotFolder::stop() {
    m_watching = false;
}

} // namespace pixverse
