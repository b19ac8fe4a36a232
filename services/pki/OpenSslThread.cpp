#include "OpenSslThread.h"

#include <openssl/crypto.h>

namespace lanyard {

void releaseOpenSslThreadState()
{
    OPENSSL_thread_stop();
}

} // namespace lanyard
