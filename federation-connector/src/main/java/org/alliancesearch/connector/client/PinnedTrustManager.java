package org.alliancesearch.connector.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate: the one whose DER encoding has the pinned SHA-256. For a member whose MISP
 * has a self-signed certificate (or one from a private CA the alliance does not want to trust as a whole). Nothing
 * else is accepted, whoever signed it; there is no trust-all.
 */
public final class PinnedTrustManager implements X509TrustManager {
    private final byte[] pin;

    /**
     * @param pinHex 64 hex digits, with or without colons, any case
     * @throws IllegalArgumentException when it is not a SHA-256 in hex
     */
    public PinnedTrustManager(String pinHex) {
        this.pin = parse(pinHex);
    }

    /** The pin as 32 bytes. */
    public static byte[] parse(String pinHex) {
        if (pinHex == null) {
            throw new IllegalArgumentException("no pin");
        }
        String hex = pinHex.replace(":", "").trim().toLowerCase(Locale.ROOT);
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 pin has 64 hex digits");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** The SHA-256 of a certificate's DER encoding, lower-case hex without colons. */
    public static String sha256(X509Certificate certificate) throws CertificateEncodingException {
        return HexFormat.of().formatHex(digest(certificate.getEncoded()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no server certificate");
        }
        if (!MessageDigest.isEqual(pin, digest(chain[0].getEncoded()))) {
            throw new CertificateException("the server certificate does not match the pinned SHA-256");
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a member client does not accept client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private static byte[] digest(byte[] der) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
