#!/usr/bin/env python3
"""Fills an intake form PDF with pypdf: an implementation independent of the app's reader
(pdf-lib), as a prospect's PDF reader would. Used by test/unit/intake-form.test.ts.

Usage: fill_form.py <form.pdf> <out.pdf> <values.json> [--flatten | --drop FIELD... | --encrypt |
                    --actions]

values.json maps field names to text (text fields, choices) or true/false (checkboxes).
  --flatten   removes the form (AcroForm and every widget), as "print to PDF" does
  --drop F    removes the named fields only (a reader that flattened part of the form)
  --encrypt   protects the filled form with a password
  --actions   adds JavaScript (on open and on a field) and a Launch action: never to be run
"""
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject


def main(argv):
    src, out, values_path = argv[1], argv[2], argv[3]
    options = argv[4:]
    with open(values_path, encoding="utf-8") as f:
        values = json.load(f)
    reader = PdfReader(src)
    writer = PdfWriter()
    writer.clone_reader_document_root(reader)

    texts = {k: v for k, v in values.items() if not isinstance(v, bool)}
    boxes = {k: ("/Yes" if v else "/Off") for k, v in values.items() if isinstance(v, bool)}
    for page in writer.pages:
        if texts:
            writer.update_page_form_field_values(page, texts)
        if boxes:
            writer.update_page_form_field_values(page, boxes)

    root = writer._root_object
    if "--flatten" in options:
        del root["/AcroForm"]
        for page in writer.pages:
            if "/Annots" in page:
                del page["/Annots"]
    if "--drop" in options:
        dropped = set(options[options.index("--drop") + 1:])
        form = root["/AcroForm"].get_object()
        form[NameObject("/Fields")] = ArrayObject(
            [f for f in form["/Fields"] if f.get_object().get("/T") not in dropped]
        )
        for page in writer.pages:
            annots = page.get("/Annots")
            if annots is not None:
                page[NameObject("/Annots")] = ArrayObject(
                    [a for a in annots.get_object() if a.get_object().get("/T") not in dropped]
                )
    if "--actions" in options:
        js = DictionaryObject({
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('pwned'); this.getField('prospect.firstName').value = 'Mallory';"),
        })
        launch = DictionaryObject({
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("/bin/sh"),
            NameObject("/Win"): DictionaryObject({NameObject("/F"): TextStringObject("cmd.exe")}),
        })
        root[NameObject("/OpenAction")] = writer._add_object(js)
        root[NameObject("/AA")] = DictionaryObject({NameObject("/WC"): writer._add_object(launch)})
        for page in writer.pages:
            for annot in page.get("/Annots") or []:
                a = annot.get_object()
                if a.get("/T") == "prospect.firstName":
                    a[NameObject("/AA")] = DictionaryObject({
                        NameObject("/K"): writer._add_object(js),
                        NameObject("/Fo"): writer._add_object(launch),
                    })
    if "--encrypt" in options:
        writer.encrypt("prospect-secret", "owner-secret")

    with open(out, "wb") as f:
        writer.write(f)


if __name__ == "__main__":
    main(sys.argv)
