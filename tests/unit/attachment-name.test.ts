import { describe, expect, it } from "vitest";
import { cleanFileName } from "@/lib/dossier/file-name";

describe("an attachment's download name", () => {
  it("keeps a plain name and gives it the extension of what the file really is", () => {
    expect(cleanFileName("Factuur 2026-001.pdf", "application/pdf")).toBe("Factuur 2026-001.pdf");
    expect(cleanFileName("bon.jpeg", "image/jpeg")).toBe("bon.jpg");
    expect(cleanFileName("scan.pdf", "image/png")).toBe("scan.png");
  });

  it("drops a path, quotes, control characters and header tricks; keeps accented letters", () => {
    expect(cleanFileName("C:\\Users\\me\\Desktop\\Rëkening.pdf", "application/pdf")).toBe("Rëkening.pdf");
    expect(cleanFileName('a"b;\r\nContent-Type: x.pdf', "application/pdf")).toBe("abContent-Type x.pdf");
    expect(cleanFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
  });

  it("names an empty or unusable name 'attachment', and cuts a long one", () => {
    expect(cleanFileName("", "application/pdf")).toBe("attachment.pdf");
    expect(cleanFileName("\u0000\u0001.pdf", "image/png")).toBe("attachment.png");
    expect(cleanFileName(`${"x".repeat(300)}.pdf`, "application/pdf")).toBe(`${"x".repeat(100)}.pdf`);
  });
});
