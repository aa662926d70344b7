/*
 * planctl.loader._native: the reader's fast path, libyaml's events → data and marks in C.
 *
 * `read(text, resolve, bail, max_depth)` builds what `planctl.loader.events.EventReader`
 * builds for a plain plan file: the data, and for every path the packed start mark of its
 * value (`marks`) and of its key (`key_marks`), a mark being `line << 32 | column`, both
 * counted from 0 as libyaml counts them. It gives up (returns None) on anything that is not
 * plain: a syntax error, an anchor, an alias, a tag, a key that is not a scalar, a merge key,
 * a duplicate key, nesting `max_depth` deep, a second document, or a scalar that `resolve`
 * answers with `bail` (a YAML 1.1 trap the Python reader reports). The caller then reads the
 * text again with the Python reader, which words every error and problem, so the rules of
 * reading live in one place and this file only repeats the plain case.
 *
 * Plain scalars follow `planctl.loader.scalars.plain_value`: text that cannot be a number,
 * a date or a YAML word is kept as it is without a call; a whole number of at most 24 digits
 * is read here; every other plain scalar is passed to `resolve`.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <yaml.h>

#define WORDS_MAX 5 /* len("false"), as scalars.WORDS_MAX */
#define MAX_NUMBER_DIGITS 24 /* as scalars.MAX_NUMBER_DIGITS */
#define KEY_SLOTS 256
#define KEY_CACHED_MAX 32 /* longer keys are rare and not kept */

typedef struct {
    yaml_parser_t parser;
    yaml_event_t event;
    int has_event;
    int bailed;
    PyObject *marks;
    PyObject *key_marks;
    PyObject *resolve;
    PyObject *bail;
    Py_ssize_t max_depth;
    PyObject *keys[KEY_SLOTS]; /* the texts of recent keys: a plan repeats a few dozen */
} Reader;

static PyObject *node(Reader *reader, PyObject *path, Py_ssize_t depth);

/* Give up: the caller reads the text with the Python reader. */
static PyObject *
give_up(Reader *reader)
{
    reader->bailed = 1;
    return NULL;
}

/* The next event into reader->event; 0 when libyaml found an error (the caller gives up). */
static int
next_event(Reader *reader)
{
    if (reader->has_event) {
        yaml_event_delete(&reader->event);
        reader->has_event = 0;
    }
    if (!yaml_parser_parse(&reader->parser, &reader->event)) {
        reader->bailed = 1;
        return 0;
    }
    reader->has_event = 1;
    return 1;
}

static int
set_mark(PyObject *marks, PyObject *path, yaml_mark_t mark)
{
    PyObject *packed =
        PyLong_FromUnsignedLongLong(((unsigned long long)mark.line << 32) | mark.column);
    if (packed == NULL) {
        return -1;
    }
    int status = PyDict_SetItem(marks, path, packed);
    Py_DECREF(packed);
    return status;
}

/* `path` with `key` appended (a new tuple; `key` is borrowed). */
static PyObject *
child_path(PyObject *path, PyObject *key)
{
    Py_ssize_t size = PyTuple_GET_SIZE(path);
    PyObject *child = PyTuple_New(size + 1);
    if (child == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        PyObject *part = PyTuple_GET_ITEM(path, i);
        Py_INCREF(part);
        PyTuple_SET_ITEM(child, i, part);
    }
    Py_INCREF(key);
    PyTuple_SET_ITEM(child, size, key);
    return child;
}

static int
numeric_start(unsigned char c)
{
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

static int
numeric_end(unsigned char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == 'n' || c == 'N' || c == 'f' || c == 'F';
}

/* A whole number as scalars._INT reads it ([-+]?(0|[1-9][0-9]*)), or NULL without an error. */
static PyObject *
whole_number(const char *text, size_t length)
{
    size_t start = (text[0] == '+' || text[0] == '-') ? 1 : 0;
    size_t digits = length - start;
    if (digits == 0 || digits > MAX_NUMBER_DIGITS || (text[start] == '0' && digits > 1)) {
        return NULL;
    }
    for (size_t i = start; i < length; i++) {
        if (text[i] < '0' || text[i] > '9') {
            return NULL;
        }
    }
    char buffer[MAX_NUMBER_DIGITS + 2];
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    return PyLong_FromString(buffer, NULL, 10);
}

/* A short ASCII plain scalar that is not a number, as scalars._word reads it: null, a
 * boolean, or text (`string`, stolen); a YAML 1.1 yes/no word is given up (the Python reader
 * reports it). */
static PyObject *
word(Reader *reader, const char *text, size_t length, PyObject *string)
{
    static const char *const yes_no[] = {"yes", "no", "on", "off", "y", "n"};
    char lowered[WORDS_MAX + 1];
    for (size_t i = 0; i < length; i++) {
        lowered[i] = (char)Py_TOLOWER((unsigned char)text[i]);
    }
    lowered[length] = '\0';
    PyObject *value = string;
    if (strcmp(lowered, "~") == 0 || strcmp(lowered, "null") == 0) {
        value = Py_None;
    }
    else if (strcmp(lowered, "true") == 0) {
        value = Py_True;
    }
    else if (strcmp(lowered, "false") == 0) {
        value = Py_False;
    }
    for (size_t i = 0; i < sizeof yes_no / sizeof *yes_no; i++) {
        if (strcmp(lowered, yes_no[i]) == 0) {
            Py_DECREF(string);
            return give_up(reader);
        }
    }
    if (value != string) {
        Py_INCREF(value);
        Py_DECREF(string);
    }
    return value;
}

/* The value of a plain scalar (`string` is its text, a new reference, stolen). */
static PyObject *
plain(Reader *reader, const char *text, size_t length, PyObject *string)
{
    if (length == 0) {
        Py_DECREF(string);
        Py_RETURN_NONE;
    }
    unsigned char first = (unsigned char)text[0];
    if (!numeric_start(first)) {
        /* Only null, true, false and YAML 1.1's yes/no words are not text: all short ASCII. */
        if (length > WORDS_MAX || !PyUnicode_IS_ASCII(string)) {
            return string;
        }
        return word(reader, text, length, string);
    }
    else {
        if (!numeric_end((unsigned char)text[length - 1])) {
            return string;
        }
        PyObject *number = whole_number(text, length);
        if (number != NULL || PyErr_Occurred()) {
            Py_DECREF(string);
            return number;
        }
    }
    PyObject *value = PyObject_CallOneArg(reader->resolve, string);
    Py_DECREF(string);
    if (value == reader->bail) {
        Py_DECREF(value);
        return give_up(reader);
    }
    return value;
}

static PyObject *
scalar_text(yaml_event_t *event)
{
    return PyUnicode_DecodeUTF8(
        (const char *)event->data.scalar.value, (Py_ssize_t)event->data.scalar.length, "strict");
}

/* A key's text, one string object for every repetition of a short key (`name`, `amount`):
 * fewer objects to make and free, and the string's hash is computed once. */
static PyObject *
key_text(Reader *reader, yaml_event_t *event)
{
    const char *text = (const char *)event->data.scalar.value;
    size_t length = event->data.scalar.length;
    if (length > KEY_CACHED_MAX) {
        return scalar_text(event);
    }
    size_t hash = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < length; i++) {
        hash = (hash ^ (unsigned char)text[i]) * 16777619u;
    }
    PyObject **slot = &reader->keys[hash % KEY_SLOTS];
    if (*slot != NULL) {
        Py_ssize_t size;
        const char *cached = PyUnicode_AsUTF8AndSize(*slot, &size);
        if (cached != NULL && (size_t)size == length && memcmp(cached, text, length) == 0) {
            return Py_NewRef(*slot);
        }
    }
    PyObject *string = scalar_text(event);
    if (string != NULL) {
        Py_XSETREF(*slot, Py_NewRef(string));
    }
    return string;
}

/* A mapping key: its text, or the whole number or year a plain key reads as. */
static PyObject *
key_of(Reader *reader, yaml_event_t *event)
{
    const char *text = (const char *)event->data.scalar.value;
    size_t length = event->data.scalar.length;
    PyObject *string = key_text(reader, event);
    if (string == NULL || event->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
        return string;
    }
    if (length == 2 && text[0] == '<' && text[1] == '<') {
        Py_DECREF(string);
        return give_up(reader); /* a merge key */
    }
    Py_INCREF(string);
    PyObject *value = plain(reader, text, length, string);
    if (value == NULL) {
        Py_DECREF(string);
        return NULL;
    }
    if (PyUnicode_Check(value) || (PyLong_Check(value) && !PyBool_Check(value))) {
        Py_DECREF(string);
        return value;
    }
    Py_DECREF(value); /* null, a boolean, a decimal or a date: the key is its text */
    return string;
}

/* The value of the node starting at the current event, at `path` with `key` (borrowed)
 * appended; with `key_mark`, also where its key stands. */
static PyObject *
child_value(Reader *reader, PyObject *path, PyObject *key, Py_ssize_t depth,
            const yaml_mark_t *key_mark)
{
    PyObject *child = child_path(path, key);
    if (child == NULL) {
        return NULL;
    }
    PyObject *value = NULL;
    if (key_mark == NULL || set_mark(reader->key_marks, child, *key_mark) == 0) {
        value = node(reader, child, depth + 1);
    }
    Py_DECREF(child);
    return value;
}

static PyObject *
mapping(Reader *reader, PyObject *path, Py_ssize_t depth)
{
    yaml_event_t *event = &reader->event;
    PyObject *result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    for (;;) {
        if (!next_event(reader)) {
            break;
        }
        if (event->type == YAML_MAPPING_END_EVENT) {
            return result;
        }
        if (event->type != YAML_SCALAR_EVENT || event->data.scalar.anchor != NULL ||
            event->data.scalar.tag != NULL) {
            give_up(reader);
            break;
        }
        PyObject *key = key_of(reader, event);
        if (key == NULL) {
            break;
        }
        yaml_mark_t key_mark = event->start_mark;
        int seen = PyDict_Contains(result, key);
        PyObject *value = NULL;
        if (seen > 0) {
            give_up(reader); /* a duplicate key */
        }
        else if (seen == 0 && next_event(reader)) {
            value = child_value(reader, path, key, depth, &key_mark);
        }
        int status = value == NULL ? -1 : PyDict_SetItem(result, key, value);
        Py_DECREF(key);
        Py_XDECREF(value);
        if (status < 0) {
            break;
        }
    }
    Py_DECREF(result);
    return NULL;
}

static PyObject *
sequence(Reader *reader, PyObject *path, Py_ssize_t depth)
{
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t index = 0;; index++) {
        if (!next_event(reader)) {
            break;
        }
        if (reader->event.type == YAML_SEQUENCE_END_EVENT) {
            return result;
        }
        PyObject *key = PyLong_FromSsize_t(index);
        PyObject *value = key == NULL ? NULL : child_value(reader, path, key, depth, NULL);
        Py_XDECREF(key);
        int status = value == NULL ? -1 : PyList_Append(result, value);
        Py_XDECREF(value);
        if (status < 0) {
            break;
        }
    }
    Py_DECREF(result);
    return NULL;
}

/* The value of the node whose first event is the current one, at `path` (`depth` long). */
static PyObject *
node(Reader *reader, PyObject *path, Py_ssize_t depth)
{
    yaml_event_t *event = &reader->event;
    if (depth >= reader->max_depth) {
        return give_up(reader);
    }
    switch (event->type) {
    case YAML_SCALAR_EVENT:
        if (event->data.scalar.anchor != NULL || event->data.scalar.tag != NULL) {
            return give_up(reader);
        }
        if (set_mark(reader->marks, path, event->start_mark) < 0) {
            return NULL;
        }
        {
            PyObject *string = scalar_text(event);
            if (string == NULL || event->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
                return string;
            }
            return plain(
                reader, (const char *)event->data.scalar.value, event->data.scalar.length,
                string);
        }
    case YAML_MAPPING_START_EVENT:
    case YAML_SEQUENCE_START_EVENT: {
        int is_mapping = event->type == YAML_MAPPING_START_EVENT;
        if ((is_mapping ? event->data.mapping_start.anchor : event->data.sequence_start.anchor) ||
            (is_mapping ? event->data.mapping_start.tag : event->data.sequence_start.tag)) {
            return give_up(reader);
        }
        if (set_mark(reader->marks, path, event->start_mark) < 0) {
            return NULL;
        }
        return is_mapping ? mapping(reader, path, depth) : sequence(reader, path, depth);
    }
    default: /* an alias */
        return give_up(reader);
    }
}

/* The stream's one document, or NULL (given up, or an error set). */
static PyObject *
document(Reader *reader)
{
    if (!next_event(reader) || !next_event(reader)) { /* the stream's start, then */
        return NULL;
    }
    if (reader->event.type == YAML_STREAM_END_EVENT) {
        Py_RETURN_NONE; /* an empty stream */
    }
    if (!next_event(reader)) { /* past the document's start */
        return NULL;
    }
    PyObject *root = PyTuple_New(0);
    PyObject *data = root == NULL ? NULL : node(reader, root, 0);
    Py_XDECREF(root);
    if (data == NULL) {
        return NULL;
    }
    /* the document's end, then nothing but the stream's end */
    if (!next_event(reader) || !next_event(reader) ||
        reader->event.type != YAML_STREAM_END_EVENT) {
        Py_DECREF(data);
        return give_up(reader);
    }
    return data;
}

static PyObject *
native_read(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "read(text: str, resolve, bail, max_depth: int)");
        return NULL;
    }
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(args[0], &size);
    Py_ssize_t max_depth = PyLong_AsSsize_t(args[3]);
    if (utf8 == NULL || (max_depth == -1 && PyErr_Occurred())) {
        return NULL;
    }
    Reader reader = {.resolve = args[1], .bail = args[2], .max_depth = max_depth};
    if (!yaml_parser_initialize(&reader.parser)) {
        return PyErr_NoMemory();
    }
    yaml_parser_set_input_string(&reader.parser, (const unsigned char *)utf8, (size_t)size);
    PyObject *result = NULL;
    reader.marks = PyDict_New();
    reader.key_marks = PyDict_New();
    if (reader.marks != NULL && reader.key_marks != NULL) {
        PyObject *data = document(&reader);
        if (data != NULL) {
            result = PyTuple_Pack(3, data, reader.marks, reader.key_marks);
            Py_DECREF(data);
        }
        else if (reader.bailed && !PyErr_Occurred()) {
            result = Py_NewRef(Py_None);
        }
    }
    if (reader.has_event) {
        yaml_event_delete(&reader.event);
    }
    yaml_parser_delete(&reader.parser);
    for (size_t i = 0; i < KEY_SLOTS; i++) {
        Py_XDECREF(reader.keys[i]);
    }
    Py_XDECREF(reader.marks);
    Py_XDECREF(reader.key_marks);
    return result;
}

static PyMethodDef methods[] = {
    {"read", (PyCFunction)(void (*)(void))native_read, METH_FASTCALL,
     "read(text, resolve, bail, max_depth) -> (data, marks, key_marks) or None"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "planctl.loader._native",
    "The reader's fast path: libyaml's events to data and marks (see planctl.loader.reader).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__native(void)
{
    return PyModule_Create(&module);
}
