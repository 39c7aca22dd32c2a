package dev.charter.sprig;

import dev.charter.template.value.GoTypeName;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Adler32;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Sprig's crypto.go. */
final class Crypto {
    private Crypto() {}

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** Sprig's {@code certificate} struct. */
    @GoTypeName("sprig.certificate")
    public record Certificate(String Cert, String Key) {}

    static String hash(String alg, String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(Go.utf8(input)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String adler32(String input) {
        Adler32 a = new Adler32();
        a.update(Go.utf8(input));
        return Long.toString(a.getValue());
    }

    static String bcrypt(String input) {
        byte[] pw = Go.utf8(input);
        if (pw.length > 72) {
            return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes";
        }
        byte[] salt = new byte[16];
        Strings.RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", pw, salt, 10);
    }

    static String htpasswd(String user, String password) {
        if (user.contains(":")) {
            return "invalid username: " + user;
        }
        return user + ":" + bcrypt(password);
    }

    static String randBytes(long count) {
        if (count < 0) {
            throw new SprigException("runtime error: makeslice: len out of range");
        }
        byte[] b = new byte[(int) count];
        Strings.RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    static String uuidv4() {
        return UUID.randomUUID().toString();
    }

    private static final Map<String, String[]> TEMPLATES = Map.of(
            "maximum", new String[] {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"},
            "long", new String[] {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
                "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
                "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
                "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
                "CvccCvcvCvccno"},
            "medium", new String[] {"CvcnoCvc", "CvcCvcno"},
            "short", new String[] {"Cvcn"},
            "basic", new String[] {"aaanaaan", "aannaaan", "aaannaaa"},
            "pin", new String[] {"nnnn"});

    private static String chars(char c) {
        return switch (c) {
            case 'V' -> "AEIOU";
            case 'C' -> "BCDFGHJKLMNPQRSTVWXYZ";
            case 'v' -> "aeiou";
            case 'c' -> "bcdfghjklmnpqrstvwxyz";
            case 'A' -> "AEIOUBCDFGHJKLMNPQRSTVWXYZ";
            case 'a' -> "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
            case 'n' -> "0123456789";
            case 'o' -> "@&%?,=[]_:-+*$#!'^~;()/.";
            case 'x' -> "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()";
            default -> "";
        };
    }

    static String derivePassword(long counter, String type, String password, String user, String site) {
        String[] templates = TEMPLATES.get(type);
        if (templates == null) {
            return "cannot find password template " + type;
        }
        byte[] seedName = "com.lyndir.masterpassword".getBytes(StandardCharsets.UTF_8);
        byte[] u = Go.utf8(user);
        ByteBuffer salt = ByteBuffer.allocate(seedName.length + 4 + u.length);
        salt.put(seedName).putInt(u.length).put(u);
        byte[] key = SCrypt.generate(Go.utf8(password), salt.array(), 32768, 8, 2, 64);
        byte[] s = Go.utf8(site);
        ByteBuffer msg = ByteBuffer.allocate(seedName.length + 4 + s.length + 4);
        msg.put(seedName).putInt(s.length).put(s).putInt((int) counter);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] seed = mac.doFinal(msg.array());
            String temp = templates[(seed[0] & 0xFF) % templates.length];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < temp.length(); i++) {
                String pc = chars(temp.charAt(i));
                sb.append(pc.charAt((seed[i + 1] & 0xFF) % pc.length()));
            }
            return sb.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- keys ----

    static String pem(String type, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append("-----END ").append(type).append("-----\n").toString();
    }

    record PemBlock(String type, byte[] bytes) {}

    static PemBlock pemDecode(String text) {
        int start = 0;
        while (true) {
            int b = text.indexOf("-----BEGIN ", start);
            if (b < 0) {
                return null;
            }
            if (b != 0 && text.charAt(b - 1) != '\n') {
                start = b + 1;
                continue;
            }
            int te = text.indexOf("-----", b + 11);
            int nl = text.indexOf('\n', b);
            if (te < 0 || nl < 0 || nl < te) {
                start = b + 1;
                continue;
            }
            String type = text.substring(b + 11, te);
            String endMarker = "-----END " + type + "-----";
            int e = text.indexOf(endMarker, nl);
            if (e < 0) {
                start = b + 1;
                continue;
            }
            String body = text.substring(nl + 1, e);
            if (body.contains(":")) {
                StringBuilder kept = new StringBuilder();
                boolean inHeaders = true;
                for (String line : body.split("\n")) {
                    if (inHeaders && line.contains(":")) {
                        continue;
                    }
                    inHeaders = false;
                    kept.append(line).append('\n');
                }
                body = kept.toString();
            }
            try {
                return new PemBlock(type, Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")));
            } catch (IllegalArgumentException ex) {
                start = b + 1;
            }
        }
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits, Strings.RANDOM);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String genPrivateKey(String typ) {
        try {
            switch (typ) {
                case "", "rsa":
                    return pemForKey(rsa(4096).getPrivate());
                case "dsa": {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("DSA", BouncyCastleProvider.PROVIDER_NAME);
                    org.bouncycastle.crypto.generators.DSAParametersGenerator pg =
                            new org.bouncycastle.crypto.generators.DSAParametersGenerator(new org.bouncycastle.crypto.digests.SHA256Digest());
                    pg.init(new org.bouncycastle.crypto.params.DSAParameterGenerationParameters(2048, 256, 80, Strings.RANDOM));
                    org.bouncycastle.crypto.params.DSAParameters dp = pg.generateParameters();
                    g.initialize(new java.security.spec.DSAParameterSpec(dp.getP(), dp.getQ(), dp.getG()), Strings.RANDOM);
                    return pemForKey(g.generateKeyPair().getPrivate());
                }
                case "ecdsa": {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"), Strings.RANDOM);
                    return pemForKey(g.generateKeyPair().getPrivate());
                }
                case "ed25519": {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
                    return pemForKey(g.generateKeyPair().getPrivate());
                }
                default:
                    return "Unknown type " + typ;
            }
        } catch (java.security.GeneralSecurityException e) {
            return "failed to generate private key: " + e.getMessage();
        }
    }

    static String pemForKey(PrivateKey k) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(k.getEncoded());
            if (k instanceof RSAPrivateCrtKey) {
                return pem("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
            }
            if (k instanceof DSAPrivateKey d) {
                java.security.interfaces.DSAParams p = d.getParams();
                BigInteger y = p.getG().modPow(d.getX(), p.getP());
                ASN1EncodableVector v = new ASN1EncodableVector();
                v.add(new ASN1Integer(0));
                v.add(new ASN1Integer(p.getP()));
                v.add(new ASN1Integer(p.getQ()));
                v.add(new ASN1Integer(p.getG()));
                v.add(new ASN1Integer(y));
                v.add(new ASN1Integer(d.getX()));
                return pem("DSA PRIVATE KEY", new DERSequence(v).getEncoded());
            }
            if (k instanceof ECPrivateKey) {
                // SEC1 with the named curve as parameters, as Go's MarshalECPrivateKey.
                org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
                // the JDK's PKCS#8 form drops the public point; Go always writes it
                org.bouncycastle.asn1.DERBitString pub = sec1.getPublicKey() != null
                        ? new org.bouncycastle.asn1.DERBitString(sec1.getPublicKey().getBytes())
                        : new org.bouncycastle.asn1.DERBitString(SubjectPublicKeyInfo
                                .getInstance(publicKey(k).getEncoded()).getPublicKeyData().getBytes());
                org.bouncycastle.asn1.sec.ECPrivateKey out = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                        sec1.getKey(), pub, info.getPrivateKeyAlgorithm().getParameters());
                return pem("EC PRIVATE KEY", out.getEncoded());
            }
            return pem("PRIVATE KEY", k.getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey parsePrivateKeyPEM(String text) {
        PemBlock block = pemDecode(text);
        if (block == null) {
            throw new SprigException("no PEM data in input");
        }
        try {
            if (block.type().equals("PRIVATE KEY")) {
                try {
                    return new JcaPEMKeyConverter().setProvider(BouncyCastleProvider.PROVIDER_NAME)
                            .getPrivateKey(PrivateKeyInfo.getInstance(block.bytes()));
                } catch (RuntimeException | java.io.IOException e) {
                    throw new SprigException("decoding PEM as PKCS#8: " + e.getMessage());
                }
            } else if (!block.type().endsWith(" PRIVATE KEY")) {
                throw new SprigException("no private key data in PEM block of type " + block.type());
            }
            String kind = block.type().substring(0, block.type().length() - 12);
            switch (kind) {
                case "RSA": {
                    try {
                        org.bouncycastle.asn1.pkcs.RSAPrivateKey r = org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(block.bytes());
                        PrivateKeyInfo pki = new PrivateKeyInfo(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption, org.bouncycastle.asn1.DERNull.INSTANCE), r);
                        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pki.getEncoded()));
                    } catch (RuntimeException | java.io.IOException | java.security.GeneralSecurityException e) {
                        throw new SprigException("parsing RSA private key from PEM: x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)");
                    }
                }
                case "EC": {
                    try {
                        org.bouncycastle.asn1.sec.ECPrivateKey ec = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(block.bytes());
                        PrivateKeyInfo pki = new PrivateKeyInfo(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()), ec);
                        return new JcaPEMKeyConverter().getPrivateKey(pki);
                    } catch (RuntimeException | java.io.IOException e) {
                        throw new SprigException("parsing EC private key from PEM: x509: failed to parse EC private key");
                    }
                }
                case "DSA": {
                    try {
                        ASN1Sequence s = ASN1Sequence.getInstance(block.bytes());
                        BigInteger p = ASN1Integer.getInstance(s.getObjectAt(1)).getValue();
                        BigInteger q = ASN1Integer.getInstance(s.getObjectAt(2)).getValue();
                        BigInteger g = ASN1Integer.getInstance(s.getObjectAt(3)).getValue();
                        BigInteger x = ASN1Integer.getInstance(s.getObjectAt(5)).getValue();
                        return KeyFactory.getInstance("DSA").generatePrivate(new java.security.spec.DSAPrivateKeySpec(x, p, q, g));
                    } catch (RuntimeException | java.security.GeneralSecurityException e) {
                        throw new SprigException("parsing DSA private key from PEM: asn1: structure error");
                    }
                }
                default:
                    throw new SprigException("invalid private key type " + block.type());
            }
        } catch (SprigException e) {
            throw e;
        }
    }

    static PublicKey publicKey(PrivateKey k) {
        try {
            if (k instanceof RSAPrivateCrtKey r) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(r.getModulus(), r.getPublicExponent()));
            }
            if (k instanceof DSAPrivateKey d) {
                java.security.interfaces.DSAParams p = d.getParams();
                return KeyFactory.getInstance("DSA").generatePublic(new java.security.spec.DSAPublicKeySpec(
                        p.getG().modPow(d.getX(), p.getP()), p.getP(), p.getQ(), p.getG()));
            }
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(k.getEncoded());
            if (k instanceof ECPrivateKey) {
                org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
                SubjectPublicKeyInfo spki;
                if (sec1.getPublicKey() != null) {
                    spki = new SubjectPublicKeyInfo(info.getPrivateKeyAlgorithm(), sec1.getPublicKey().getBytes());
                } else {
                    org.bouncycastle.jce.interfaces.ECPrivateKey bk = (org.bouncycastle.jce.interfaces.ECPrivateKey)
                            KeyFactory.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME).generatePrivate(new PKCS8EncodedKeySpec(k.getEncoded()));
                    org.bouncycastle.math.ec.ECPoint q = bk.getParameters().getG().multiply(bk.getD()).normalize();
                    spki = new SubjectPublicKeyInfo(info.getPrivateKeyAlgorithm(), q.getEncoded(false));
                }
                return KeyFactory.getInstance("EC").generatePublic(new java.security.spec.X509EncodedKeySpec(spki.getEncoded()));
            }
            // Ed25519: derive via BouncyCastle
            org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters p = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets(), 0);
            SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(info.getPrivateKeyAlgorithm(), p.generatePublicKey().getEncoded());
            return KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(spki.getEncoded()));
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new SprigException("error retrieving public key from signee key: " + e.getMessage());
        }
    }

    // ---- certificates ----

    static Certificate buildCustomCert(String b64cert, String b64key) {
        byte[] cert;
        byte[] key;
        try {
            cert = Base64.getDecoder().decode(b64cert);
        } catch (IllegalArgumentException e) {
            throw new SprigException("unable to decode base64 certificate");
        }
        try {
            key = Base64.getDecoder().decode(b64key);
        } catch (IllegalArgumentException e) {
            throw new SprigException("unable to decode base64 private key");
        }
        PemBlock decoded = pemDecode(Go.str(cert));
        if (decoded == null) {
            throw new SprigException("unable to decode certificate");
        }
        parseCertificate(decoded.bytes(), "decodedCert.Bytes");
        try {
            parsePrivateKeyPEM(Go.str(key));
        } catch (SprigException e) {
            throw new SprigException("error parsing private key: " + e.getMessage());
        }
        return new Certificate(Go.str(cert), Go.str(key));
    }

    private static X509CertificateHolder parseCertificate(byte[] der, String what) {
        try {
            return new X509CertificateHolder(der);
        } catch (java.io.IOException | RuntimeException e) {
            throw new SprigException("error parsing certificate: " + what + ": x509: malformed certificate");
        }
    }

    static Certificate genCA(String cn, long days, PrivateKey priv) {
        return certAndKey(cn, null, null, days, true, priv, null, priv);
    }

    static Certificate genSelfSigned(String cn, Object ips, Object dns, long days, PrivateKey priv) {
        return certAndKey(cn, ips, dns, days, false, priv, null, priv);
    }

    static Certificate genSigned(String cn, Object ips, Object dns, long days, Object ca, PrivateKey priv) {
        if (!(ca instanceof Certificate c)) {
            throw new SprigException("wrong type for value; expected sprig.certificate; got " + Go.typeName(ca));
        }
        PemBlock b = pemDecode(c.Cert());
        if (b == null) {
            throw new SprigException("unable to decode certificate");
        }
        X509CertificateHolder signer = parseCertificate(b.bytes(), "decodedSignerCert.Bytes");
        PrivateKey signerKey;
        try {
            signerKey = parsePrivateKeyPEM(c.Key());
        } catch (SprigException e) {
            throw new SprigException("error parsing private key: " + e.getMessage());
        }
        return certAndKey(cn, ips, dns, days, false, priv, signer, signerKey);
    }

    static PrivateKey parseKeyArg(String pemText) {
        try {
            return parsePrivateKeyPEM(pemText);
        } catch (SprigException e) {
            throw new SprigException("parsing private key: " + e.getMessage());
        }
    }

    private static List<String> ipList(Object ips) {
        List<String> out = new ArrayList<>();
        if (ips == null) {
            return out;
        }
        for (Object ip : Go.elements(ips)) {
            if (!(ip instanceof String s)) {
                throw new SprigException("error parsing ip: " + Go.sprint(ip) + " is not a string");
            }
            if (!validIp(s)) {
                throw new SprigException("error parsing ip: " + s);
            }
            out.add(s);
        }
        return out;
    }

    private static boolean validIp(String s) {
        if (s.matches("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})")) {
            for (String p : s.split("\\.")) {
                if (Integer.parseInt(p) > 255 || p.length() > 1 && p.charAt(0) == '0') {
                    return false;
                }
            }
            return true;
        }
        return s.contains(":") && s.matches("[0-9a-fA-F:.]+") && org.bouncycastle.util.IPAddress.isValidIPv6(s);
    }

    private static List<String> dnsList(Object dns) {
        List<String> out = new ArrayList<>();
        if (dns == null) {
            return out;
        }
        for (Object d : Go.elements(dns)) {
            if (!(d instanceof String s)) {
                throw new SprigException("error processing alternate dns name: " + Go.sprint(d) + " is not a string");
            }
            out.add(s);
        }
        return out;
    }

    private static Certificate certAndKey(String cn, Object ips, Object dns, long days, boolean isCA, PrivateKey signee,
            X509CertificateHolder parent, PrivateKey signing) {
        List<String> ipStrs = ipList(ips);
        List<String> dnsStrs = dnsList(dns);
        if (signing instanceof DSAPrivateKey) {
            throw new SprigException("error creating certificate: x509: certificate private key does not implement crypto.Signer");
        }
        PublicKey pub = publicKey(signee);
        try {
            BigInteger serial = new BigInteger(128, Strings.RANDOM);
            X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE);
            if (!cn.isEmpty()) {
                nb.addRDN(BCStyle.CN, cn);
            }
            X500Name subject = nb.build();
            X500Name issuer = parent == null ? subject : parent.getSubject();
            long now = System.currentTimeMillis();
            Date notBefore = new Date(now);
            Date notAfter = new Date(now + days * 24L * 3600_000L);
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pub.getEncoded());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial, notBefore, notAfter, subject, spki);
            int ku = KeyUsage.keyEncipherment | KeyUsage.digitalSignature | (isCA ? KeyUsage.keyCertSign : 0);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ku));
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCA));
            if (isCA) {
                byte[] ski = MessageDigest.getInstance("SHA-1").digest(spki.getPublicKeyData().getBytes());
                b.addExtension(Extension.subjectKeyIdentifier, false, new org.bouncycastle.asn1.x509.SubjectKeyIdentifier(ski));
            }
            if (parent != null && parent.getExtension(Extension.subjectKeyIdentifier) != null) {
                byte[] pski = org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(
                        parent.getExtension(Extension.subjectKeyIdentifier).getParsedValue()).getKeyIdentifier();
                b.addExtension(Extension.authorityKeyIdentifier, false, new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(pski));
            }
            if (!ipStrs.isEmpty() || !dnsStrs.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                for (String d : dnsStrs) {
                    names.add(new GeneralName(GeneralName.dNSName, d));
                }
                for (String ip : ipStrs) {
                    names.add(new GeneralName(GeneralName.iPAddress, ip));
                }
                b.addExtension(Extension.subjectAlternativeName, cn.isEmpty(), new GeneralNames(names.toArray(new GeneralName[0])));
            }
            String alg = switch (signing.getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC", "ECDSA" -> "SHA256withECDSA";
                default -> "Ed25519";
            };
            ContentSigner signer = new JcaContentSignerBuilder(alg).build(signing);
            X509CertificateHolder holder = b.build(signer);
            return new Certificate(pem("CERTIFICATE", holder.getEncoded()), pemForKey(signee));
        } catch (SprigException e) {
            throw e;
        } catch (Exception e) {
            throw new SprigException("error creating certificate: " + e.getMessage());
        }
    }

    // ---- AES ----

    static String encryptAES(String password, String plaintext) {
        if (plaintext.isEmpty()) {
            return "";
        }
        byte[] key = new byte[32];
        byte[] pw = Go.utf8(password);
        System.arraycopy(pw, 0, key, 0, Math.min(32, pw.length));
        byte[] content = Go.utf8(plaintext);
        int padding = 16 - content.length % 16;
        byte[] padded = new byte[content.length + padding];
        System.arraycopy(content, 0, padded, 0, content.length);
        for (int i = content.length; i < padded.length; i++) {
            padded[i] = (byte) padding;
        }
        byte[] iv = new byte[16];
        Strings.RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] ct = c.doFinal(padded);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(iv);
            out.writeBytes(ct);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (java.security.GeneralSecurityException e) {
            throw new SprigException(e.getMessage());
        }
    }

    static String decryptAES(String password, String crypt64) {
        if (crypt64.isEmpty()) {
            return "";
        }
        byte[] key = new byte[32];
        byte[] pw = Go.utf8(password);
        System.arraycopy(pw, 0, key, 0, Math.min(32, pw.length));
        String decodedErr = null;
        byte[] crypt;
        String dec = Strings.b64dec(crypt64);
        if (dec.startsWith("illegal base64 data at input byte ") && !isValidB64(crypt64)) {
            throw new SprigException(dec);
        }
        crypt = Base64.getMimeDecoder().decode(crypt64);
        if (crypt.length < 16) {
            throw new SprigException("runtime error: slice bounds out of range [:16] with capacity " + crypt.length);
        }
        byte[] iv = java.util.Arrays.copyOfRange(crypt, 0, 16);
        byte[] body = java.util.Arrays.copyOfRange(crypt, 16, crypt.length);
        if (body.length % 16 != 0) {
            throw new SprigException("crypto/cipher: input not full blocks");
        }
        if (body.length == 0) {
            throw new SprigException("runtime error: index out of range [-1]");
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] d = c.doFinal(body);
            int pad = d[d.length - 1] & 0xFF;
            int n = d.length - pad;
            if (n < 0) {
                throw new SprigException("runtime error: slice bounds out of range [:" + n + "]");
            }
            return Go.str(d, 0, n);
        } catch (java.security.GeneralSecurityException e) {
            throw new SprigException(e.getMessage());
        }
    }

    private static boolean isValidB64(String s) {
        try {
            Base64.getMimeDecoder().decode(s);
            return s.replaceAll("[\\r\\n]", "").length() % 4 == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
