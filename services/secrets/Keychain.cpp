#include "Keychain.h"

#include <QPromise>
#include <qt6keychain/keychain.h>

#include <memory>

namespace lanyard {

namespace {
Error keychainError(const QKeychain::Job& job, const QString& what)
{
    const ErrorCode code = job.error() == QKeychain::EntryNotFound ? ErrorCode::NotFound : ErrorCode::SecretStoreUnavailable;
    return Error(code, QStringLiteral("%1: %2 (QtKeychain error %3)").arg(what, job.errorString()).arg(int(job.error())));
}
} // namespace

Keychain::Keychain(QString service)
    : m_service(std::move(service))
{
}

QFuture<Result<QByteArray>> Keychain::read(const QString& key) const
{
    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
        if (job->error() == QKeychain::NoError)
            promise->addResult(Result<QByteArray>(job->binaryData()));
        else
            promise->addResult(Result<QByteArray>(keychainError(*job, QStringLiteral("reading from the keychain"))));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> Keychain::write(const QString& key, const QByteArray& secret) const
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(secret);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
        if (job->error() == QKeychain::NoError)
            promise->addResult(Result<void>());
        else
            promise->addResult(Result<void>(keychainError(*job, QStringLiteral("writing to the keychain"))));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> Keychain::remove(const QString& key) const
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
            promise->addResult(Result<void>());
        else
            promise->addResult(Result<void>(keychainError(*job, QStringLiteral("removing from the keychain"))));
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace lanyard
