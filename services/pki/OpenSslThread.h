#pragma once

namespace lanyard {

// Frees OpenSSL's per-thread state (random generators, error queue) of the calling thread
// now, rather than in a thread-exit handler that may still be running when the process ends.
void releaseOpenSslThreadState();

} // namespace lanyard
