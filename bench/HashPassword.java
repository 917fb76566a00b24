import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Prints a users-file line for the proeftuin JAAS realm: {@code user = {CRYPT}pbkdf2sha256.<iterations>.
 * <salt hex>.<hash hex>{CRYPT},ROLE,...}, the format core/security verifies. The benchmarks use it to
 * give their freshly unpacked distribution one user (the distribution ships none). JDK only.
 *
 * <p>Usage: {@code java HashPassword.java USER PASSWORD ITERATIONS ROLE[,ROLE...]}
 */
public final class HashPassword {
    public static void main(String[] args) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = Integer.parseInt(args[2]);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(args[1].toCharArray(), salt, iterations, 256)).getEncoded();
        HexFormat hex = HexFormat.of();
        System.out.println(args[0] + " = {CRYPT}pbkdf2sha256." + iterations + "." + hex.formatHex(salt) + "."
                + hex.formatHex(hash) + "{CRYPT}," + args[3]);
    }
}
