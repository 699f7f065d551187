package dev.switchboard.runtime.health;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust and key material of the checks: the JDK's trusted certificates or those of a PEM CA file,
 * an optional client certificate (PKCS#12 key store), and verification skipped only when asked. The TLS
 * sockets of a checker's HTTPS and TLS reachability checks come from here ({@link #sockets}).
 */
final class TlsOptions {
    private final TrustManager[] trustManagers;
    private final KeyManager[] keyManagers;
    private final boolean insecure;
    private final HostnameVerifier hostNames;
    private volatile SSLSocketFactory sockets;

    TlsOptions(Path caFile, Path clientKeyStore, char[] password, boolean insecure) {
        this.insecure = insecure;
        this.hostNames = (host, session) -> insecure;
        try {
            trustManagers = insecure
                    ? new TrustManager[] {new TrustEverything()}
                    : caFile == null ? null : trustManagers(caFile);
            keyManagers = clientKeyStore == null ? null : keyManagers(clientKeyStore, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Null for the JDK's defaults. */
    TrustManager[] trustManagers() {
        return trustManagers;
    }

    /** Null for no client certificate. */
    KeyManager[] keyManagers() {
        return keyManagers;
    }

    boolean insecure() {
        return insecure;
    }

    /**
     * The factory of the checks' TLS sockets, one per checker (so that the JDK's keep-alive cache reuses
     * its HTTPS connections), made at its first use (so that the JDK's default context costs a checker of
     * plain {@code http} endpoints nothing). Unless verification is skipped, each socket verifies the
     * server's host name during the handshake, as {@code java.net.http} does, whatever default host name
     * verifier the application has set.
     *
     * @throws SSLException when the JVM has no TLS context to make them with
     */
    SSLSocketFactory sockets() throws SSLException {
        SSLSocketFactory made = sockets;
        if (made == null) {
            synchronized (this) {
                made = sockets;
                if (made == null) {
                    SSLSocketFactory plain = context().getSocketFactory();
                    made = insecure ? plain : new IdentifyingSockets(plain);
                    sockets = made;
                }
            }
        }
        return made;
    }

    /**
     * For {@link javax.net.ssl.HttpsURLConnection}, which asks it only where the handshake has not verified
     * the host name: when verification is skipped, it accepts; otherwise it never does.
     */
    HostnameVerifier hostNames() {
        return hostNames;
    }

    private SSLContext context() throws SSLException {
        try {
            if (trustManagers == null && keyManagers == null) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new SSLException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(Path caFile) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(
                    "CA file " + caFile + " is not X.509 certificates in PEM or DER (a private key, or another"
                            + " file?); give the certificate of the CA that signed the servers' certificates",
                    e);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("CA file " + caFile + " holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(Path keyStore, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException(
                    "client certificate " + keyStore + " is not a PKCS#12 (.p12) key store, or its password is not"
                            + " the one given; make one from a PEM certificate and key with openssl pkcs12 -export",
                    e);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /** TLS sockets that verify the server's host name during the handshake. */
    private static final class IdentifyingSockets extends SSLSocketFactory {
        private final SSLSocketFactory sockets;

        IdentifyingSockets(SSLSocketFactory sockets) {
            this.sockets = sockets;
        }

        private static Socket identifying(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
            }
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return sockets.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return sockets.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return identifying(sockets.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return identifying(sockets.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return identifying(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return identifying(sockets.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return identifying(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return identifying(sockets.createSocket(address, port, localAddress, localPort));
        }
    }

    /**
     * Accepts any certificate for any host. An extended trust manager, so that the JDK does not add its
     * own host name check around it; used only when the user asked to skip verification.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
