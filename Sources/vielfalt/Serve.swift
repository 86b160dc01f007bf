import ArgumentParser
import Demo
import Operations
import Dispatch
import Foundation
import Forms
import Store
import Vault
import WebApp

/// `vielfalt serve`: the web application for HR, the offices and respondents.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the web application (German and English) on the given address.",
        discussion: """
            Behind a TLS reverse proxy, pass --behind-tls-proxy: session cookies get Secure, responses \
            HSTS, and the client address for throttling comes from the proxy's X-Forwarded-For. Keep \
            --host 127.0.0.1 then, so that only the proxy can reach the server. Policy files are read \
            from --policy (default policy) and reference figures from --reports (default reports) at \
            each use.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080
    @Flag(help: "Served through a TLS reverse proxy on this machine.") var behindTLSProxy = false
    @Option(help: "Address of the proxy whose X-Forwarded-For counts (repeatable; default 127.0.0.1 and ::1).")
    var trustedProxy: [String] = []
    @Option(help: "Minutes without a request after which a session ends.") var idleMinutes: Int = 30
    @Option(help: "Directory of the report definitions and reference.yaml.") var reports: String = "reports"

    func run() throws {
        try Failure.guarded {
            guard (1...65535).contains(port) else {
                throw InputError(field: "port", english: "must be between 1 and 65535", german: "Muss zwischen 1 und 65535 liegen.")
            }
            for address in trustedProxy where !Self.isIPAddress(address) {
                throw InputError(field: "trusted-proxy", english: "must be an IPv4 or IPv6 address", german: "Muss eine IPv4- oder IPv6-Adresse sein.")
            }
            guard (1...24 * 60).contains(idleMinutes) else {
                throw InputError(field: "idle-minutes", english: "must be between 1 and 1440", german: "Muss zwischen 1 und 1440 liegen.")
            }
            let configuration = WebAppConfiguration(
                dataDirectory: store.location.directory, keysDirectory: store.location.keysDirectory, formsDirectory: URL(fileURLWithPath: store.forms),
                policyDirectory: URL(fileURLWithPath: store.policy), reportsDirectory: URL(fileURLWithPath: reports),
                host: host, port: port, secureCookies: behindTLSProxy, trustForwardedFor: behindTLSProxy,
                trustedProxies: trustedProxy.isEmpty ? ["127.0.0.1", "::1"] : Set(trustedProxy),
                idleTimeout: .seconds(idleMinutes * 60))
            let installation = try Installation.open(.init(data: configuration.dataDirectory, keys: configuration.keysDirectory,
                                                           forms: configuration.formsDirectory,
                                                           policy: configuration.policyDirectory, reports: configuration.reportsDirectory),
                                                     passwordStrength: configuration.passwordStrength, logger: LogSetup.serviceLogger())
            let demo = installation.opensWith(try Passphrase(DemoStore.passphrase))
            if demo { try DemoLogins.create(in: try installation.users) }
            let url = configuration.url
            try Self.runBlocking {
                try await runApplication(configuration: configuration, installation: installation) {
                    print("Vielfalt: \(url)")
                    if demo {
                        print("demo store: demo logins / Demo-Anmeldungen (never for real data / nie für echte Daten):")
                        for login in DemoLogins.logins {
                            print("  \(login.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(login.password)")
                        }
                    }
                    fflush(nil)
                }
            }
        }
    }

    /// Whether `text` is an IPv4 or IPv6 address as the socket reports peers (no names, no ports).
    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// The root command is synchronous; the server runs in a task until SIGINT or SIGTERM.
    static func runBlocking(_ body: @escaping @Sendable () async throws -> Void) throws {
        final class Outcome: @unchecked Sendable { var error: (any Error)? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await body() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}
