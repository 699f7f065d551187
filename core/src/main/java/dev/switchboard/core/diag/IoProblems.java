package dev.switchboard.core.diag;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file in words a user acts on, instead of the name of the JDK's exception
 * type: {@code target/switchboard: a file is in the way of a directory}.
 */
public final class IoProblems {
    private IoProblems() {}

    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "a file" : fs.getFile();
            String what;
            if (fs instanceof NoSuchFileException) {
                what = "does not exist";
            } else if (fs instanceof AccessDeniedException) {
                what = "cannot be read or written (permission denied)";
            } else if (fs instanceof FileAlreadyExistsException) {
                what = "is in the way: a file or directory of that name exists";
            } else if (fs instanceof NotDirectoryException) {
                what = "is not a directory";
            } else if (fs instanceof DirectoryNotEmptyException) {
                what = "is a directory that is not empty";
            } else if (fs instanceof FileSystemLoopException) {
                what = "leads back to itself through symbolic links";
            } else {
                what = fs.getReason() == null ? "cannot be used" : fs.getReason();
            }
            return file + " " + what + (fs.getOtherFile() == null ? "" : " (with " + fs.getOtherFile() + ")");
        }
        return e.getMessage() == null ? "an input or output failed" : e.getMessage();
    }

    /**
     * Why a file named elsewhere in the message could not be read, without repeating its path (the JDK's
     * message of a missing file is the path alone): {@code "it does not exist"}, {@code "permission
     * denied"}, {@code "it is not UTF-8 text"}.
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() == null ? "it cannot be used" : fs.getReason();
        }
        return e.getMessage() == null ? "an input or output failed" : e.getMessage();
    }
}
