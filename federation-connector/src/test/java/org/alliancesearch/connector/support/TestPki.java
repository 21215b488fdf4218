package org.alliancesearch.connector.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away CA issuing server and client certificates, for TLS tests against local servers. */
public final class TestPki {
    public static final char[] PASSWORD = "changeit".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key and its certificate chain (leaf first). */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {
        public String certPem() {
            return pem("CERTIFICATE", encoded(chain.get(0)));
        }

        public String keyPem() {
            return pem("PRIVATE KEY", key.getEncoded());
        }
    }

    private final KeyPair caKeys;
    private final X509Certificate ca;

    public TestPki(String name) {
        try {
            caKeys = keyPair();
            X500Name subject = new X500Name("CN=" + name);
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), notBefore(),
                    notAfter(), subject, caKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            ca = sign(b, caKeys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String caPem() {
        return pem("CERTIFICATE", encoded(ca));
    }

    /** A server certificate for these DNS names and IP addresses. */
    public Issued server(List<String> dnsNames, List<String> ips) {
        GeneralName[] names = new GeneralName[dnsNames.size() + ips.size()];
        int i = 0;
        for (String d : dnsNames) {
            names[i++] = new GeneralName(GeneralName.dNSName, d);
        }
        for (String ip : ips) {
            names[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        return issue("CN=" + (dnsNames.isEmpty() ? ips.get(0) : dnsNames.get(0)), names);
    }

    public Issued client(String name) {
        return issue("CN=" + name, null);
    }

    private Issued issue(String dn, GeneralName[] sans) {
        try {
            KeyPair keys = keyPair();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), notBefore(), notAfter(),
                    new X500Name(dn), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (sans != null) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            }
            return new Issued(keys.getPrivate(), List.of(sign(b, caKeys.getPrivate()), ca));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 key store holding this key and chain. */
    public static Path keyStore(Issued issued, Path dir) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", issued.key(), PASSWORD, issued.chain().toArray(new Certificate[0]));
            return write(ks, Files.createTempFile(dir, "keystore", ".p12"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 trust store holding this CA. */
    public Path trustStore(Path dir) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", ca);
            return write(ks, Files.createTempFile(dir, "truststore", ".p12"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(KeyStore ks, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
        return file;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(
                    "SHA256withRSA").build(key)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(2)));
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
